/* eslint-disable no-console */
// The lifecycle API and page with 10,000 clusters in a real catalog (SQLite), against the baseline of
// a plain catalog query of the same cluster entities, in one run; then, in Debian Chromium, the time
// to the first rendered row of /fleet/lifecycle and to apply an owner filter.
//   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs bench/fleet-lifecycle.bench.ts
// Needs the built app (scripts/build-app.sh) and takes several minutes: the catalog ingests 10,200
// entities first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { startBackend, RunningBackend } from './lib/backend';
import {
  generatePlatformRepoFiles,
  writeGitRepo,
} from './lib/generatePlatformRepo';
import { ratio, report, time } from './lib/measure';

const CLUSTERS = 10_000;
const PROFILES = 200;

async function json(backend: RunningBackend, url: string, token?: string) {
  const res = await backend.get(url, token);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function waitForIngestion(backend: RunningBackend) {
  const started = Date.now();
  for (;;) {
    const facets = await json(
      backend,
      '/api/catalog/entity-facets?facet=spec.type&facet=kind',
    );
    const count = (facet: string, value: string) =>
      facets.facets[facet].find((f: { value: string }) => f.value === value)
        ?.count ?? 0;
    const clusters = count('spec.type', 'kubernetes-cluster');
    const profiles = count('kind', 'ClusterProfile');
    if (clusters >= CLUSTERS && profiles >= PROFILES)
      return (Date.now() - started) / 1000;
    console.log(`ingesting: ${clusters} clusters, ${profiles} profiles`);
    await new Promise(r => setTimeout(r, 10_000));
  }
}

/** The baseline: every cluster entity through the catalog's own paginated query. */
async function plainCatalogQuery(backend: RunningBackend) {
  let cursor: string | undefined;
  let total = 0;
  do {
    const page = await json(
      backend,
      cursor
        ? `/api/catalog/entities/by-query?cursor=${encodeURIComponent(
            cursor,
          )}&limit=1000`
        : '/api/catalog/entities/by-query?filter=kind=resource,spec.type=kubernetes-cluster&limit=1000',
    );
    total += page.items.length;
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  if (total !== CLUSTERS)
    throw new Error(`expected ${CLUSTERS} clusters, got ${total}`);
}

async function browserTimings(baseUrl: string) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
    });
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('button', { name: 'Enter' })
      .waitFor({ state: 'detached' });
    const firstRender: number[] = [];
    const applyFilter: number[] = [];
    for (let i = 0; i < 3; i++) {
      let start = Date.now();
      await page.goto(`${baseUrl}/fleet/lifecycle`);
      const table = page.getByRole('table', { name: 'Clusters' });
      await table.getByRole('row').nth(1).waitFor();
      firstRender.push(Date.now() - start);

      await page.getByRole('combobox', { name: 'Owner' }).click();
      const option = page.getByRole('option', { name: 'team-07', exact: true });
      await option.waitFor();
      start = Date.now();
      const response = page.waitForResponse(
        r =>
          r.url().includes('/lifecycle/clusters?') &&
          r.url().includes('owner='),
      );
      await option.click();
      await response;
      await page.getByText(`${CLUSTERS / 50} matching`).waitFor();
      applyFilter.push(Date.now() - start);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    return {
      firstRenderMs: median(firstRender),
      applyFilterMs: median(applyFilter),
      firstRender,
      applyFilter,
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-lifecycle-'));
  const repo = writeGitRepo(
    path.join(dir, 'platform-config'),
    generatePlatformRepoFiles({ clusters: CLUSTERS, profiles: PROFILES }),
  );
  const backend = await startBackend({
    port: 7037,
    dataDir: path.join(dir, 'data'),
    repo,
    logFile: path.join(os.tmpdir(), 'fleet-bench-lifecycle-backend.log'),
  });
  try {
    const ingestionSeconds = await waitForIngestion(backend);
    const runs = { runs: 5, warmup: 1 };
    const baseline = await time(() => plainCatalogQuery(backend), runs);
    // uncached: the first request of each of three users reads the catalog with their credentials
    const uncached: number[] = [];
    for (const persona of [
      'priya.platform',
      'devon.developer',
      'morgan.manager',
    ]) {
      const token = await backend.personaToken(persona);
      const start = Date.now();
      await json(backend, '/api/fleet/lifecycle/clusters?limit=50', token);
      uncached.push(Date.now() - start);
    }
    uncached.sort((a, b) => a - b);
    // everything below is one user (the guest) again and again: served from the snapshot
    const firstPage = await time(
      () => json(backend, '/api/fleet/lifecycle/clusters?limit=50'),
      runs,
    );
    const filtered = await time(
      () =>
        json(
          backend,
          '/api/fleet/lifecycle/clusters?owner=group:default/team-07&limit=50',
        ),
      runs,
    );
    const csv = await time(
      async () =>
        (await backend.get('/api/fleet/lifecycle/clusters/export.csv')).text(),
      runs,
    );
    const one = await time(
      () => json(backend, '/api/fleet/lifecycle/clusters/default/p000-c00000'),
      runs,
    );
    const browser = await browserTimings(backend.baseUrl);
    report('fleet-lifecycle', {
      clusters: CLUSTERS,
      ingestionSeconds,
      baselinePlainCatalogQuery: baseline,
      lifecycleFirstPageUncached: {
        medianMs: uncached[1],
        samples: uncached,
        ratio: ratio(uncached[1], baseline.medianMs),
      },
      lifecycleFirstPage: {
        ...firstPage,
        ratio: ratio(firstPage.medianMs, baseline.medianMs),
      },
      lifecycleOwnerFilter: {
        ...filtered,
        ratio: ratio(filtered.medianMs, baseline.medianMs),
      },
      lifecycleCsvAll: {
        ...csv,
        ratio: ratio(csv.medianMs, baseline.medianMs),
      },
      lifecycleOneCluster: {
        ...one,
        ratio: ratio(one.medianMs, baseline.medianMs),
      },
      chromium: browser,
    });
  } finally {
    await backend.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
