/* eslint-disable no-console */
// Platform-repo provider at fleet scale (10,000 clusters, 200 profiles): run time and peak heap of a
// provider run against the baseline of only reading and YAML-parsing the same files from a checkout,
// in one process. Cold = first run (bare mirror fetch, every blob parsed and validated); warm = the
// next run with nothing changed (fetch, cached files); one-change = a commit touching one cluster.
//   yarn bench bench/catalog-provider.bench.ts   (node needs --expose-gc: see bench/README.md)
import { ConfigReader } from '@backstage/config';
import { PlatformRepoEntityProvider } from '@fleet-portal/plugin-catalog-backend-module-fleet';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  generatePlatformRepoFiles,
  writeGitRepo,
} from './lib/generatePlatformRepo';
import { peakHeapMiB, ratio, report, time } from './lib/measure';

const CLUSTERS = 10_000;
const PROFILES = 200;

const silent = {
  info() {},
  warn() {},
  error(message: string) {
    console.error(message);
  },
  debug() {},
  child() {
    return silent;
  },
};

function makeProvider(remote: string, workDir: string) {
  const [provider] = PlatformRepoEntityProvider.fromConfig(
    new ConfigReader({
      catalog: {
        providers: { fleetPlatformRepo: { bench: { remote, workDir } } },
      },
    }),
    {
      logger: silent as any,
      scheduler: {
        createScheduledTaskRunner: () => ({ run: async () => {} }),
      } as any,
      catalog: { getEntities: async () => ({ items: [] }) } as any,
      auth: { getOwnServiceCredentials: async () => ({}) } as any,
    },
  );
  let applied = 0;
  provider.connect({
    applyMutation: async (mutation: any) => {
      applied = mutation.entities.length;
    },
    refresh: async () => {},
  });
  return { provider, applied: () => applied };
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name.endsWith('.yaml')) out.push(full);
  }
  return out;
}

/** The baseline: read every entity file of the checkout and parse its YAML, nothing else. */
function readAndParse(checkout: string): number {
  let documents = 0;
  for (const file of walk(checkout)) {
    documents += parseAllDocuments(fs.readFileSync(file, 'utf8')).length;
  }
  return documents;
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-provider-'));
  try {
    const checkout = writeGitRepo(
      path.join(root, 'checkout'),
      generatePlatformRepoFiles({ clusters: CLUSTERS, profiles: PROFILES }),
    );
    const baseline = await time(() => readAndParse(checkout), { runs: 5 });
    const baselineHeap = await peakHeapMiB(() => readAndParse(checkout));

    // cold: a new mirror directory every run
    let coldRun = 0;
    let entities = 0;
    const cold = await time(
      async () => {
        const { provider, applied } = makeProvider(
          checkout,
          path.join(root, `mirror-${coldRun++}`),
        );
        await provider.refresh();
        entities = applied();
      },
      { runs: 3, warmup: 0 },
    );
    const coldHeap = await peakHeapMiB(async () => {
      const { provider } = makeProvider(
        checkout,
        path.join(root, `mirror-heap`),
      );
      await provider.refresh();
    });

    // warm: the same provider again, nothing changed
    const warmProvider = makeProvider(checkout, path.join(root, 'mirror-warm'));
    await warmProvider.provider.refresh();
    const warm = await time(() => warmProvider.provider.refresh(), { runs: 5 });

    // one changed cluster per run
    const clusterFile = fs
      .readdirSync(path.join(checkout, 'clusters'))
      .map(name => path.join(checkout, 'clusters', name, 'cluster.yaml'))[0];
    let change = 0;
    const oneChange = await time(
      async () => {
        fs.appendFileSync(clusterFile, `# change ${change++}\n`);
        execFileSync('git', ['commit', '-qam', `change ${change}`], {
          cwd: checkout,
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: 'b',
            GIT_AUTHOR_EMAIL: 'b@b',
            GIT_COMMITTER_NAME: 'b',
            GIT_COMMITTER_EMAIL: 'b@b',
          },
        });
        await warmProvider.provider.refresh();
      },
      { runs: 5, warmup: 0 },
    );

    report('catalog-provider', {
      clusters: CLUSTERS,
      profiles: PROFILES,
      entitiesEmitted: entities,
      baselineReadAndParse: baseline,
      cold,
      warmNoChange: warm,
      oneClusterChanged: oneChange,
      ratioCold: ratio(cold.medianMs, baseline.medianMs),
      ratioWarm: ratio(warm.medianMs, baseline.medianMs),
      ratioOneChange: ratio(oneChange.medianMs, baseline.medianMs),
      peakHeapMiB: {
        baseline: Math.round(baselineHeap),
        cold: Math.round(coldHeap),
      },
      heapRatio: ratio(coldHeap, baselineHeap),
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
