/* eslint-disable no-console */
// Fleet health at 10,000 clusters against a real Prometheus (Debian package) holding every
// cluster's exporter series, pushed by remote write. In one process:
//   - upstream queries per fleet snapshot, at 100 and at 10,000 clusters (must not grow);
//   - the snapshot (HealthService.fleet, uncached: the round of queries, strict parsing, verdicts,
//     the join with 10,000 catalog clusters) against the raw time of the same PromQL queries sent
//     directly with fetch and JSON.parse (the baseline), as a ratio;
//   - a cached snapshot (what every request within cacheSeconds costs), its JSON and size, and the
//     join with a catalog view not seen yet in the round (a new principal) and its serialization;
//   - heap growth during an uncached snapshot, and the RSS of the process.
//   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs bench/fleet-health.bench.ts
// The catalog side is an in-memory list of 10,000 clusters: reading the catalog is measured by the
// lifecycle benchmark (fleet-lifecycle.bench.ts), which shares FleetInventory's snapshot.
import { ConfigReader } from '@backstage/config';
import { clusterSeries } from '../plugins/fleet-backend/src/__testUtils__/clusterMetrics';
import {
  MetricsServer,
  pushSeries,
  startPrometheus,
} from '../plugins/fleet-backend/src/__testUtils__/metricsServers';
import { readHealthConfig } from '../plugins/fleet-backend/src/health/config';
import {
  buildFleetSnapshot,
  HealthCatalogCluster,
} from '../plugins/fleet-backend/src/health/fleetSnapshot';
import { HealthService } from '../plugins/fleet-backend/src/health/HealthService';
import { freshnessQuery } from '../plugins/fleet-backend/src/health/metricsRound';
import { labelContractQuery } from '../plugins/fleet-backend/src/health/kpi/labelContract';
import { kubernetesVersionQuery } from '../plugins/fleet-backend/src/health/kpi/versions';
import { peakHeapMiB, ratio, report, time } from './lib/measure';

const CLUSTERS = Number(process.env.FLEET_BENCH_CLUSTERS ?? 10_000);
const SMALL = 100;
const PUSH_BATCH_CLUSTERS = 200;
const RUNS = 5;

async function elapsed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: sorted[Math.floor(sorted.length / 2)],
    minMs: sorted[0],
    runs: sorted.length,
  };
}

/** A cluster of three nodes; every tenth one in trouble, so that verdicts vary. */
function seriesOf(index: number, nowMs: number) {
  const cluster = `c-${String(index).padStart(5, '0')}`;
  const troubled = index % 10 === 0;
  return clusterSeries(
    {
      cluster,
      nodes: 3,
      notReadyNodes: troubled ? 1 : 0,
      certificateDays: [troubled ? 5 : 60],
      argoApps: 2,
      fluxObjects: 1,
      backupAgeHours: [troubled ? 30 : 4],
      restarts: troubled ? 12 : 0,
    },
    nowMs,
  );
}

function catalogOf(size: number): HealthCatalogCluster[] {
  return Array.from({ length: size }, (_, i) => ({
    name: `c-${String(i).padStart(5, '0')}`,
    entityRef: `resource:default/c-${String(i).padStart(5, '0')}`,
    environment: i % 3 === 0 ? 'production' : 'staging',
    profileRef: 'clusterprofile:default/production',
    kubernetes: { version: '1.31.4', allowedRange: '>=1.30.0 <1.32.0' },
  }));
}

/** A map-backed cache service that keeps values as JSON, as the memory and Redis stores do. */
function jsonCache() {
  const store = new Map<string, { json: string; expires: number }>();
  return {
    async get(key: string) {
      const entry = store.get(key);
      return entry && entry.expires > Date.now()
        ? JSON.parse(entry.json)
        : undefined;
    },
    async set(key: string, value: unknown, options?: { ttl?: number }) {
      const ttl = typeof options?.ttl === 'number' ? options.ttl : 60_000;
      store.set(key, {
        json: JSON.stringify(value),
        expires: Date.now() + ttl,
      });
    },
    async delete(key: string) {
      store.delete(key);
    },
    withOptions() {
      return this;
    },
  } as any;
}

function serviceFor(
  prometheus: MetricsServer,
  catalog: HealthCatalogCluster[],
  now: Date,
  cacheSeconds: number,
) {
  const config = readHealthConfig(
    new ConfigReader({
      fleet: {
        health: {
          sources: [
            {
              name: 'central',
              type: 'prometheus',
              url: prometheus.url,
              timeoutSeconds: 120,
            },
          ],
          cacheSeconds,
        },
      },
    }),
  )!;
  return new HealthService(config, {
    cache: jsonCache(),
    clock: { now: () => now },
    catalog: { visible: async () => catalog, all: async () => catalog },
  });
}

/** The baseline: the round's PromQL sent directly, concurrently, answers parsed. */
async function rawQueries(url: string, queries: string[], now: Date) {
  await Promise.all(
    queries.map(async query => {
      const res = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          query,
          time: (now.getTime() / 1000).toFixed(3),
        }).toString(),
      });
      const body = JSON.parse(await res.text());
      if (body.status !== 'success') throw new Error(`${query}: ${body.error}`);
    }),
  );
}

async function main() {
  const prometheus = await startPrometheus();
  try {
    const pushedAt = Date.now() - 60_000;
    const pushStarted = Date.now();
    let series = 0;
    for (let i = 0; i < CLUSTERS; i += PUSH_BATCH_CLUSTERS) {
      const batch = [];
      for (let c = i; c < Math.min(CLUSTERS, i + PUSH_BATCH_CLUSTERS); c++) {
        batch.push(...seriesOf(c, pushedAt));
      }
      series += batch.length;
      await pushSeries(prometheus.url, batch, { batchSize: batch.length });
      if ((i / PUSH_BATCH_CLUSTERS) % 10 === 0) {
        console.log(
          `pushed ${i + PUSH_BATCH_CLUSTERS} clusters, ${series} series`,
        );
      }
    }
    const pushSeconds = (Date.now() - pushStarted) / 1000;
    console.log(`pushed ${series} series in ${pushSeconds} s`);
    const now = new Date();

    // Upstream queries per snapshot, small and full fleet.
    const small = serviceFor(prometheus, catalogOf(SMALL), now, 0);
    await small.fleet({} as any);
    const full = serviceFor(prometheus, catalogOf(CLUSTERS), now, 0);
    const first = await full.fleet({} as any);
    const queriesPerSnapshot = {
      signals: full.signals.length,
      [`${SMALL} clusters`]: small.upstreamRequests,
      [`${CLUSTERS} clusters`]: full.upstreamRequests,
    };
    const statuses = first.kpis.byStatus;
    if (first.clusters.length !== CLUSTERS || statuses.unknown > 0) {
      throw new Error(
        `unexpected snapshot: ${
          first.clusters.length
        } clusters, ${JSON.stringify(statuses)}, sources ${JSON.stringify(
          first.sources,
        )}`,
      );
    }

    const queries = [
      ...full.signals.map(s => s.query),
      freshnessQuery('cluster'),
      labelContractQuery('cluster', full.config.labelContract.requiredLabels),
      kubernetesVersionQuery('cluster'),
    ];
    const signalQueries = full.signals.map(s => s.query);

    // Interleaved (raw, snapshot, raw, ...) so that both see the same load on a shared machine.
    const raw: number[] = [];
    const rawSignals: number[] = [];
    const uncached: number[] = [];
    await rawQueries(prometheus.url, queries, now);
    for (let run = 0; run < RUNS; run++) {
      raw.push(await elapsed(() => rawQueries(prometheus.url, queries, now)));
      uncached.push(await elapsed(() => full.fleet({} as any)));
      rawSignals.push(
        await elapsed(() => rawQueries(prometheus.url, signalQueries, now)),
      );
    }

    // A signed-in user: within a round their joined snapshot is reused.
    const user = {
      principal: { type: 'user', userEntityRef: 'user:default/bench' },
    } as any;
    const cachedService = serviceFor(
      prometheus,
      catalogOf(CLUSTERS),
      now,
      3600,
    );
    await cachedService.fleet(user);
    const before = cachedService.upstreamRequests;
    const cached = await time(() => cachedService.fleet(user), {
      runs: 10,
    });
    const cachedResponse = await time(() => cachedService.fleetJson(user), {
      runs: 10,
    });
    // What a request with a catalog view not seen in this round costs on top: the join.
    const round = await cachedService.round();
    const catalog = catalogOf(CLUSTERS);
    const names = new Set(catalog.map(c => c.name));
    const join = await time(
      () =>
        buildFleetSnapshot(round, cachedService.signals, catalog, names, {
          maxSampleAgeSeconds: cachedService.config.maxSampleAgeSeconds,
          cacheSeconds: cachedService.config.cacheSeconds,
          requiredLabels: cachedService.config.labelContract.requiredLabels,
        }),
      { runs: 5 },
    );
    const serialize = await time(
      async () => JSON.stringify(await cachedService.fleet({} as any)),
      { runs: 5 },
    );
    if (cachedService.upstreamRequests !== before) {
      throw new Error('a cached snapshot sent queries');
    }
    const bodyMiB =
      Buffer.byteLength(JSON.stringify(await cachedService.fleet({} as any))) /
      2 ** 20;
    const heap = await peakHeapMiB(() => full.fleet({} as any));
    const rssMiB = process.memoryUsage().rss / 2 ** 20;

    report('fleet-health', {
      clusters: CLUSTERS,
      series,
      pushSeconds,
      queriesPerSnapshot,
      verdicts: statuses,
      rawAllQueriesMs: summary(raw),
      rawSignalQueriesMs: summary(rawSignals),
      snapshotUncachedMs: summary(uncached),
      snapshotVsRaw: ratio(summary(uncached).medianMs, summary(raw).medianMs),
      snapshotVsRawPerRun: uncached.map((ms, i) => ratio(ms, raw[i])),
      snapshotCachedMs: cached,
      cachedResponseJsonMs: cachedResponse,
      joinNewCatalogViewMs: join,
      serializeSnapshotMs: serialize,
      responseMiB: Math.round(bodyMiB * 10) / 10,
      uncachedSnapshotPeakHeapMiB: Math.round(heap),
      rssMiB: Math.round(rssMiB),
    });
  } finally {
    await prometheus.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
