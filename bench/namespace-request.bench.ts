/* eslint-disable no-console */
// Tenant namespace request at fleet scale (platform repository with 10,000 clusters, 200 profiles):
// the end-to-end time of one request through the template's actions — fleet:namespace:validate,
// fleet:namespace:render and fleet:platform-repo:propose (which validates again in render, checks
// the catalog and the repository for duplicates, validates the manifests with kubernetes-models,
// shallow-fetches the base, commits as the requester and pushes to main) — against the baseline of
// committing and pushing the same two files with the git CLI, in one process:
//   fresh clone = `git clone --depth 1` + write + add + commit + push (stateless, like the action);
//   warm clone  = a long-lived working clone: `git pull --ff-only` + write + add + commit + push.
// The remote is a local bare repository; the catalog is the in-memory catalog mock holding the
// generated entities.
//   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs bench/namespace-request.bench.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { platformRepoEntityPath } from '@fleet-portal/plugin-fleet-common';
import {
  PlatformRepoWriter,
  platformRepoSourceAnnotations,
} from '@fleet-portal/plugin-fleet-node';
import {
  createNamespaceRenderAction,
  createNamespaceValidateAction,
  createPlatformRepoProposeAction,
  FleetCatalog,
  RenderSeal,
} from '@fleet-portal/plugin-scaffolder-backend-module-fleet';
import {
  generatePlatformRepoFiles,
  writeGitRepo,
} from './lib/generatePlatformRepo';
import { ratio, report, time } from './lib/measure';

const CLUSTERS = 10_000;
const PROFILES = 200;
// p001 is a non-production profile that allows ClickOps; c00001 a staging cluster on it: direct to main
const CLUSTER = 'p001-c00001';
const RUNS = 7;

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Bench User',
  GIT_AUTHOR_EMAIL: 'bench.user@fleet-portal.invalid',
  GIT_COMMITTER_NAME: 'Bench User',
  GIT_COMMITTER_EMAIL: 'bench.user@fleet-portal.invalid',
};
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: GIT_ENV, stdio: 'pipe' }).toString();

const silent = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  child() {
    return silent;
  },
};

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-ns-bench-'));
  try {
    const files = generatePlatformRepoFiles({
      clusters: CLUSTERS,
      profiles: PROFILES,
      namespaceEvery: 10,
    });
    console.log(`generating a platform repository of ${files.length} files`);
    const seed = writeGitRepo(path.join(root, 'seed'), files);
    const remote = path.join(root, 'platform-config.git');
    git(root, 'clone', '--quiet', '--bare', seed, remote);

    const team = 'team-01';
    const entities: Entity[] = [
      ...files.map(f => parse(f.content) as Entity),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: team, namespace: 'default' },
        spec: { type: 'team', children: [] },
      },
    ];
    // as the platform-repo provider emits them: only its entities are governed
    const origin = { remote, branch: 'main' };
    for (const e of entities) {
      e.metadata.namespace ??= 'default';
      const file = platformRepoEntityPath(e);
      if (file) {
        e.metadata.annotations = {
          ...e.metadata.annotations,
          ...platformRepoSourceAnnotations(origin, file),
        };
      }
    }
    const user = {
      ref: 'user:default/bench.user',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: 'bench.user', namespace: 'default' },
        spec: {
          profile: {
            displayName: 'Bench User',
            email: 'bench.user@fleet-portal.invalid',
          },
          memberOf: [team],
        },
      } as any,
    };
    const writer = new PlatformRepoWriter({ remote, tmpDir: root });
    const deps = {
      catalog: new FleetCatalog(catalogServiceMock({ entities }), [origin]),
      permissions: mockServices.permissions(),
      writer,
      seal: RenderSeal.fromConfig(new ConfigReader({})),
    };
    const validate = createNamespaceValidateAction(deps);
    // wired as in the module: render leaves the repository check to validate and propose
    const render = createNamespaceRenderAction({ ...deps, writer: undefined });
    const propose = createPlatformRepoProposeAction(deps);
    const workspaces = path.join(root, 'workspaces');

    const context = (input: any, n: number) => {
      const outputs: Record<string, any> = {};
      const workspacePath = path.join(workspaces, String(n));
      fs.mkdirSync(workspacePath, { recursive: true });
      const ctx = {
        input,
        isDryRun: false,
        createTemporaryDirectory: async () =>
          fs.mkdtempSync(path.join(root, 'tmp-')),
        workspacePath,
        user,
        logger: silent,
        task: { id: `bench-${n}` },
        getInitiatorCredentials: async () => mockCredentials.user(user.ref),
        checkpoint: async ({ fn }: any) => fn(),
        output: (name: string, value: unknown) => {
          outputs[name] = value;
        },
      } as any;
      return { ctx, outputs };
    };

    let n = 0;
    let lastRendered: Record<string, string> = {};
    const request = async () => {
      n++;
      const input = {
        cluster: `resource:default/${CLUSTER}`,
        namespace: `bench-ns-${n}`,
        team: `group:default/${team}`,
        costCenter: 'cc-bench',
        reason: 'Benchmark request',
        quota: { 'requests.cpu': '4' },
        roles: ['edit'],
      };
      await validate.handler(context(input, n).ctx);
      const r = context(input, n);
      await render.handler(r.ctx);
      const p = context(
        {
          kind: 'namespace',
          cluster: r.outputs.clusterRef,
          files: r.outputs.files,
          integrity: r.outputs.integrity,
          title: r.outputs.title,
          reason: input.reason,
        },
        n,
      );
      await propose.handler(p.ctx);
      if (p.outputs.branch !== 'main') {
        throw new Error(`expected a direct change, got ${p.outputs.branch}`);
      }
      lastRendered = r.outputs.files;
    };

    // Baselines commit the same two files (as rendered) under a fresh namespace name.
    const sameFiles = (k: string) =>
      Object.entries(lastRendered).map(([file, content]) => ({
        file: file.replace(/bench-ns-\d+/, `raw-${k}`),
        content,
      }));
    const writeAndPush = (work: string, k: string) => {
      for (const { file, content } of sameFiles(k)) {
        fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        fs.writeFileSync(path.join(work, file), content);
      }
      git(work, 'add', '--all');
      git(work, 'commit', '--quiet', '-m', `raw ${k}`);
      git(work, 'push', '--quiet', 'origin', 'HEAD:main');
    };
    let f = 0;
    const freshClone = async () => {
      f++;
      const work = path.join(root, `fresh-${f}`);
      git(root, 'clone', '--quiet', '--depth', '1', `file://${remote}`, work);
      writeAndPush(work, `fresh-${f}`);
      fs.rmSync(work, { recursive: true, force: true });
    };
    const warm = path.join(root, 'warm');
    git(root, 'clone', '--quiet', `file://${remote}`, warm);
    let w = 0;
    const warmClone = async () => {
      w++;
      git(warm, 'pull', '--quiet', '--ff-only', 'origin', 'main');
      writeAndPush(warm, `warm-${w}`);
    };

    const requestTime = await time(request, { runs: RUNS, warmup: 1 });
    const freshTime = await time(freshClone, { runs: RUNS, warmup: 1 });
    const warmTime = await time(warmClone, { runs: RUNS, warmup: 1 });
    const commits = Number(git(remote, 'rev-list', '--count', 'main').trim());

    report('namespace-request', {
      clusters: CLUSTERS,
      profiles: PROFILES,
      repositoryFiles: files.length,
      runs: RUNS,
      request: requestTime,
      rawGitFreshClone: freshTime,
      rawGitWarmClone: warmTime,
      ratioToFreshClone: ratio(requestTime.medianMs, freshTime.medianMs),
      ratioToWarmClone: ratio(requestTime.medianMs, warmTime.medianMs),
      commitsOnMain: commits,
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
