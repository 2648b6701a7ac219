/* eslint-disable no-console */
// The fleet views at 10,000 clusters, in one run against a real backend (SQLite catalog fed by the
// platform-repo provider) and a real Prometheus holding every cluster's exporter series:
//   - baseline: the plain catalog query of the same 10,000 cluster entities;
//   - the lifecycle API (a page, a filter, one cluster) and the health views' API (summary, a page
//     of verdicts, grid chunks) with their response sizes, next to the whole-fleet export;
//   - upstream metrics queries per snapshot at 100 and at 10,000 clusters (HealthService in-process,
//     against the same Prometheus);
//   - in Debian Chromium at 1440×900: /fleet/lifecycle to its first row and an owner filter to the
//     filtered table; /fleet/health to the first painted row of the heat map and a status filter to
//     the repainted grid.
//   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs bench/fleet-views.bench.ts
// Needs the built app (scripts/build-app.sh) and takes 10-15 minutes: the catalog ingests 10,200
// entities first. Run it under `flock /tmp/fleet-heavy.lock` on a shared machine.
import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium';
import { clusterSeries } from '../plugins/fleet-backend/src/__testUtils__/clusterMetrics';
import {
  pushSeries,
  startPrometheus,
} from '../plugins/fleet-backend/src/__testUtils__/metricsServers';
import { readHealthConfig } from '../plugins/fleet-backend/src/health/config';
import { HealthCatalogCluster } from '../plugins/fleet-backend/src/health/fleetSnapshot';
import { HealthService } from '../plugins/fleet-backend/src/health/HealthService';
import { startBackend, RunningBackend } from './lib/backend';
import {
  generatePlatformRepoFiles,
  writeGitRepo,
} from './lib/generatePlatformRepo';
import { ratio, report, time, Timing } from './lib/measure';

// FLEET_BENCH_CLUSTERS=400 makes a quick smoke run of the same steps.
const CLUSTERS = Number(process.env.FLEET_BENCH_CLUSTERS ?? 10_000);
const PROFILES = 200;
const PUSH_BATCH_CLUSTERS = 200;
const BROWSER_RUNS = 5;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const ENVIRONMENTS = ['production', 'staging', 'development', 'test', 'edge'];

/** The generated platform repository's clusters, as generatePlatformRepo names them. */
function generatedCluster(c: number) {
  const p = c % PROFILES;
  return {
    name: `p${pad(p, 3)}-c${pad(c, 5)}`,
    environment: ENVIRONMENTS[c % 5],
    site: `region-${c % 12}`,
    platformVersion: `2.${(p % 7) + (c % 3 === 0 ? 0 : 1)}.0`,
  };
}

/** Three nodes each; every tenth cluster has a certificate that expires in 5 days (critical). */
function seriesOf(c: number, nowMs: number) {
  const cluster = generatedCluster(c);
  return clusterSeries(
    {
      cluster: cluster.name,
      labels: {
        environment: cluster.environment,
        site: cluster.site,
        platform_version: cluster.platformVersion,
      },
      nodes: 3,
      certificateDays: [c % 10 === 0 ? 5 : 60],
      argoApps: 2,
      fluxObjects: 1,
    },
    nowMs,
  );
}

async function json(backend: RunningBackend, url: string, token?: string) {
  const res = await backend.get(url, token);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The median request time and the uncompressed size of the answer. */
async function measured(backend: RunningBackend, url: string) {
  const timing = await time(() => json(backend, url), { runs: 5, warmup: 1 });
  const res = await backend.get(url);
  const bytes = Buffer.byteLength(await res.text());
  return { ...timing, bytes };
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

/** Queries one HealthService round sends for a catalog of `size` generated clusters. */
async function queriesPerSnapshot(url: string, size: number) {
  const config = readHealthConfig(
    new ConfigReader({
      fleet: {
        health: {
          sources: [
            { name: 'central', type: 'prometheus', url, timeoutSeconds: 120 },
          ],
          cacheSeconds: 0,
          maxSampleAgeSeconds: 7200,
        },
      },
    }),
  )!;
  const catalog: HealthCatalogCluster[] = Array.from(
    { length: size },
    (_, c) => ({
      name: generatedCluster(c).name,
      entityRef: `resource:default/${generatedCluster(c).name}`,
      environment: generatedCluster(c).environment,
      components: [
        { name: 'cilium', role: 'cni' },
        { name: 'cert-manager', role: 'certificates' },
        { name: 'kyverno', role: 'admission' },
      ],
    }),
  );
  const service = new HealthService(config, {
    cache: {
      get: async () => undefined,
      set: async () => {},
      delete: async () => {},
      withOptions() {
        return this;
      },
    } as any,
    clock: { now: () => new Date() },
    catalog: { visible: async () => catalog, all: async () => catalog },
  });
  await service.view({} as any);
  return service.upstreamRequests;
}

const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function signIn(page: Page, baseUrl: string) {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Enter' }).click();
  await page
    .getByRole('button', { name: 'Enter' })
    .waitFor({ state: 'detached' });
}

/**
 * Times taken in the page itself, not by Playwright's polling: every animation frame checks for the
 * first row of each view (ms since navigation start), and, once armed, for a text after a click
 * (ms since the click reached the document).
 */
function installFrameProbe() {
  const w = window as any;
  w.__marks = {};
  const rows: Record<string, string> = {
    lifecycleRow: 'table[aria-label="Clusters"] tbody tr',
    healthRow:
      '[aria-label="Fleet health heat map"] [role="row"][data-cluster]',
  };
  document.addEventListener(
    'click',
    () => {
      if (w.__waitFor && w.__clickAt === undefined) {
        w.__clickAt = performance.now();
      }
    },
    { capture: true },
  );
  const tick = () => {
    for (const [name, selector] of Object.entries(rows)) {
      if (w.__marks[name] === undefined && document.querySelector(selector)) {
        w.__marks[name] = performance.now();
      }
    }
    if (
      w.__waitFor &&
      w.__clickAt !== undefined &&
      w.__doneAt === undefined &&
      w.__waitFor.test(document.body.textContent ?? '')
    ) {
      w.__doneAt = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const mark = (page: Page, name: string) =>
  page
    .waitForFunction(n => (window as any).__marks[n], name)
    .then(h => h.jsonValue() as Promise<number>);

/** Arms the probe: the next click starts a timer that stops when `text` is on the page. */
const armClickTimer = (page: Page, text: RegExp) =>
  page.evaluate(pattern => {
    const w = window as any;
    w.__waitFor = new RegExp(pattern);
    w.__clickAt = undefined;
    w.__doneAt = undefined;
  }, text.source);

const clickTimer = (page: Page) =>
  page
    .waitForFunction(() => {
      const w = window as any;
      return w.__doneAt !== undefined && w.__doneAt - w.__clickAt;
    })
    .then(h => h.jsonValue() as Promise<number>);

async function lifecycleInBrowser(page: Page, baseUrl: string) {
  const firstRow: number[] = [];
  const filter: number[] = [];
  for (let i = 0; i < BROWSER_RUNS; i++) {
    await page.goto(`${baseUrl}/fleet/lifecycle`);
    firstRow.push(await mark(page, 'lifecycleRow'));

    await page.getByRole('combobox', { name: 'Owner' }).click();
    const option = page.getByRole('option', { name: 'team-07', exact: true });
    await option.waitFor();
    await armClickTimer(page, new RegExp(`(^|\\D)${CLUSTERS / 50} matching`));
    await option.click();
    filter.push(await clickTimer(page));
  }
  return {
    firstRowMs: median(firstRow),
    filterMs: median(filter),
    firstRow,
    filter,
  };
}

async function healthInBrowser(page: Page, baseUrl: string) {
  const firstPaint: number[] = [];
  const filter: number[] = [];
  for (let i = 0; i < BROWSER_RUNS; i++) {
    await page.goto(`${baseUrl}/fleet/health`);
    firstPaint.push(await mark(page, 'healthRow'));

    // the critical clusters only: the grid repaints with the filtered selection
    const statusFilter = page.getByRole('group', { name: 'Status filter' });
    await armClickTimer(
      page,
      new RegExp(
        `(^|\\D)${(CLUSTERS / 10).toLocaleString('en-US')} clusters ×`,
      ),
    );
    await statusFilter.getByText('Critical', { exact: true }).click();
    filter.push(await clickTimer(page));
  }
  return {
    firstPaintMs: median(firstPaint),
    statusFilterMs: median(filter),
    firstPaint,
    filter,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-views-'));
  const repo = writeGitRepo(
    path.join(dir, 'platform-config'),
    generatePlatformRepoFiles({ clusters: CLUSTERS, profiles: PROFILES }),
  );
  // pushed samples stay visible to instant queries for the whole run
  const prometheus = await startPrometheus({
    args: ['--query.lookback-delta=2h'],
  });
  let backend: RunningBackend | undefined;
  try {
    const healthConfig = path.join(dir, 'app-config.health.yaml');
    fs.writeFileSync(
      healthConfig,
      `fleet:
  health:
    # one round for the whole run: view timings are what a round's users get
    cacheSeconds: 3600
    maxSampleAgeSeconds: 7200
    sources:
      - name: central
        type: prometheus
        url: ${prometheus.url}
        timeoutSeconds: 120
`,
    );
    backend = await startBackend({
      port: 7037,
      dataDir: path.join(dir, 'data'),
      repo,
      logFile: path.join(os.tmpdir(), 'fleet-bench-views-backend.log'),
      configs: [healthConfig],
    });
    const ingestionSeconds = await waitForIngestion(backend);
    const runs = { runs: 5, warmup: 1 };
    const baseline = await time(() => plainCatalogQuery(backend!), runs);

    // lifecycle: a user's first request reads the catalog; then the indexed view answers
    const personaFirst: number[] = [];
    for (const persona of [
      'priya.platform',
      'devon.developer',
      'morgan.manager',
    ]) {
      const token = await backend.personaToken(persona);
      const start = Date.now();
      await json(backend, '/api/fleet/lifecycle/clusters?limit=50', token);
      personaFirst.push(Date.now() - start);
    }
    const lifecycle = {
      firstRequestOfAUser: {
        medianMs: median(personaFirst),
        samples: personaFirst,
      },
      pageWithSchedule: await measured(
        backend,
        '/api/fleet/lifecycle/clusters?limit=50&scheduleMonths=12',
      ),
      ownerFilter: await measured(
        backend,
        '/api/fleet/lifecycle/clusters?owner=group:default/team-07&limit=50&scheduleMonths=12',
      ),
      sortByReviewDesc: await measured(
        backend,
        '/api/fleet/lifecycle/clusters?orderBy=reviewBy&order=desc&offset=5000&limit=50',
      ),
      oneCluster: await measured(
        backend,
        '/api/fleet/lifecycle/clusters/default/p000-c00000',
      ),
      csvAll: await time(
        async () =>
          (
            await backend!.get('/api/fleet/lifecycle/clusters/export.csv')
          ).text(),
        runs,
      ),
    };

    // The series go in now, not before the ingestion: counters need both samples inside the
    // `increase(...[1h])` window when the round runs.
    const pushedAt = Date.now() - 60_000;
    const pushStarted = Date.now();
    let series = 0;
    for (let c = 0; c < CLUSTERS; c += PUSH_BATCH_CLUSTERS) {
      const batch = [];
      for (let k = c; k < Math.min(CLUSTERS, c + PUSH_BATCH_CLUSTERS); k++) {
        batch.push(...seriesOf(k, pushedAt));
      }
      series += batch.length;
      await pushSeries(prometheus.url, batch, { batchSize: batch.length });
    }
    const pushSeconds = (Date.now() - pushStarted) / 1000;
    console.log(`pushed ${series} series in ${pushSeconds} s`);

    // health: the first request runs the round (10,000 clusters' series) and builds the view
    let start = Date.now();
    await json(backend, '/api/fleet/health/summary');
    const firstSummaryWithRoundMs = Date.now() - start;
    const personaToken = await backend.personaToken('priya.platform');
    start = Date.now();
    await json(backend, '/api/fleet/health/summary', personaToken);
    const firstSummaryOfAnotherUserMs = Date.now() - start;
    const health = {
      firstSummaryWithRoundMs,
      firstSummaryOfAnotherUserMs,
      summary: await measured(backend, '/api/fleet/health/summary'),
      gridFirstChunk: await measured(
        backend,
        '/api/fleet/health/grid?groupBy=environment&offset=0&limit=1000',
      ),
      gridLaterChunk: await measured(
        backend,
        '/api/fleet/health/grid?groupBy=environment&offset=5000&limit=1000',
      ),
      gridCriticalOnly: await measured(
        backend,
        '/api/fleet/health/grid?groupBy=environment&status=critical&offset=0&limit=1000',
      ),
      gridMaxChunk: await measured(
        backend,
        '/api/fleet/health/grid?groupBy=owner&offset=0&limit=2000',
      ),
      listPage: await measured(
        backend,
        '/api/fleet/health/clusters?groupBy=environment&limit=50&verdicts=worst',
      ),
      listMaxPageAllVerdicts: await measured(
        backend,
        '/api/fleet/health/clusters?groupBy=environment&limit=100',
      ),
      hoveredCluster: await measured(
        backend,
        `/api/fleet/health/clusters?cluster=${
          generatedCluster(4242).name
        }&limit=1`,
      ),
      exportFleet: await measured(backend, '/api/fleet/health/fleet'),
    };
    const viewSizes = [
      lifecycle.pageWithSchedule.bytes,
      lifecycle.ownerFilter.bytes,
      health.summary.bytes,
      health.gridFirstChunk.bytes,
      health.gridLaterChunk.bytes,
      health.gridCriticalOnly.bytes,
      health.listPage.bytes,
      health.hoveredCluster.bytes,
    ];

    const upstream = {
      [`100 clusters`]: await queriesPerSnapshot(prometheus.url, 100),
      [`${CLUSTERS} clusters`]: await queriesPerSnapshot(
        prometheus.url,
        CLUSTERS,
      ),
    };

    const browser = await chromium.launch(chromiumLaunchOptions);
    let chromiumTimings;
    try {
      const page = await browser.newPage({
        viewport: { width: 1440, height: 900 },
      });
      await page.addInitScript(installFrameProbe);
      await signIn(page, backend.baseUrl);
      chromiumTimings = {
        lifecycle: await lifecycleInBrowser(page, backend.baseUrl),
        health: await healthInBrowser(page, backend.baseUrl),
      };
    } finally {
      await browser.close();
    }

    const vsBaseline = (t: Timing) => ratio(t.medianMs, baseline.medianMs);
    report('fleet-views', {
      clusters: CLUSTERS,
      series,
      pushSeconds,
      ingestionSeconds,
      baselinePlainCatalogQuery: baseline,
      lifecycle: Object.fromEntries(
        Object.entries(lifecycle).map(([k, v]) => [
          k,
          'runs' in v ? { ...v, ratio: vsBaseline(v as Timing) } : v,
        ]),
      ),
      health,
      largestViewResponseBytes: Math.max(...viewSizes),
      upstreamQueriesPerSnapshot: upstream,
      chromium: chromiumTimings,
    });
  } finally {
    await backend?.stop();
    await prometheus.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
