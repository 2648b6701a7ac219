/* eslint-disable no-console */
// Lifecycle API throughput on one backend replica against two, in the same run (issue #18): the
// multi-replica harness (e2e/replicas/harness.ts) starts two real backends of this app in the
// production shape on one PostgreSQL and one Redis. A closed loop of CONCURRENCY clients, each
// signed in as its own demo persona or the guest, asks GET /api/fleet/lifecycle/clusters (a page,
// sorted, filtered — what the lifecycle page asks) for WINDOW_MS: first every request to replica A,
// then alternating A and B, then A alone again (to see drift). Requests/s and latency percentiles.
//   node --require @backstage/cli/config/nodeTransform.cjs bench/replicas.bench.ts
// Needs PostgreSQL and Redis at 127.0.0.1 (throwaway databases and keys, removed afterwards).
import fs from 'node:fs';
import path from 'node:path';
import { Replica, startReplicas } from '../e2e/replicas/harness';

const CONCURRENCY = 8;
const WINDOW_MS = 20_000;
const WARMUP_MS = 5_000;
const USERS = [
  undefined,
  'priya.platform',
  'devon.developer',
  'morgan.manager',
];
const QUERIES = [
  '/api/fleet/lifecycle/clusters?limit=50&orderBy=reviewBy',
  '/api/fleet/lifecycle/clusters?limit=50&environment=production',
  '/api/fleet/lifecycle/clusters?limit=50&offset=0&orderBy=name&order=desc',
];

type Window = {
  label: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
};

function percentile(sorted: number[], p: number) {
  return sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
    : NaN;
}

async function measure(
  label: string,
  targets: Replica[],
  ms: number,
): Promise<Window> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = Date.now() + ms;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, client) => {
      const as = USERS[client % USERS.length];
      while (Date.now() < until) {
        const i = next++;
        const replica = targets[i % targets.length];
        const t0 = performance.now();
        const res = await replica.request(QUERIES[i % QUERIES.length], { as });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!res.ok) errors++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  return {
    label,
    requests: latencies.length,
    errors,
    perSecond: Math.round((latencies.length / elapsed) * 10) / 10,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p95Ms: Math.round(percentile(latencies, 95) * 10) / 10,
  };
}

async function main() {
  const set = await startReplicas({
    count: 2,
    // the lifecycle API does not ask the metrics source; nothing listens here
    metricsUrl: 'http://127.0.0.1:9',
  });
  try {
    const [a, b] = set.replicas;
    // wait for the demo fleet in the catalog, then warm both replicas (tokens, cached views)
    for (;;) {
      const res = await a.request('/api/fleet/lifecycle/clusters?limit=1');
      if (res.ok && (await res.json()).totalItems >= 16) break;
      await new Promise(r => setTimeout(r, 1000));
    }
    await measure('warm-up', [a, b], WARMUP_MS);
    const one = await measure('one replica (A)', [a], WINDOW_MS);
    const two = await measure(
      'two replicas (A, B alternating)',
      [a, b],
      WINDOW_MS,
    );
    const again = await measure('one replica again (A)', [a], WINDOW_MS);
    const result = {
      concurrency: CONCURRENCY,
      windowSeconds: WINDOW_MS / 1000,
      windows: [one, two, again],
      ratioTwoToOne:
        Math.round(
          (two.perSecond / ((one.perSecond + again.perSecond) / 2)) * 100,
        ) / 100,
    };
    console.log(JSON.stringify(result, null, 2));
    const out = path.join(__dirname, 'results', 'replicas.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(result, null, 2));
  } finally {
    await set.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
