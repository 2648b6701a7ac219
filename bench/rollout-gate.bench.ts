/* eslint-disable no-console */
// Rollout gates for a 10,000-cluster profile (issue #19). In one process:
//   - upstream queries to judge every gate of the rollout, at 100 and at 10,000 clusters: one range
//     query per wave and signal, the same count at both sizes (counted at an HTTP recorder that
//     answers like Prometheus: every cluster of the wave's matcher healthy at every step);
//   - the gate evaluation (evaluateGate for each wave but the last: range queries, strict parsing,
//     per-cluster timelines, verdicts) against the raw time of the same queries sent with fetch and
//     JSON.parse (the baseline), as a ratio.
//   node --expose-gc --require @backstage/cli/config/nodeTransform.cjs bench/rollout-gate.bench.ts
import {
  json,
  startRecorder,
} from '../plugins/fleet-backend/src/__testUtils__/httpRecorder';
import { healthConfig } from '../plugins/fleet-backend/src/__testUtils__/healthScenario';
import { PromQLClient } from '../plugins/fleet-backend/src/health/promql/PromQLClient';
import {
  DEFAULT_SIGNALS,
  resolveSignals,
} from '../plugins/fleet-backend/src/health/signals';
import {
  evaluateGate,
  GateCluster,
} from '../plugins/fleet-backend/src/rollout/evaluateGate';
import { ratio, report, time } from './lib/measure';

const CLUSTERS = Number(process.env.FLEET_BENCH_CLUSTERS ?? 10_000);
const SMALL = 100;
const DAY = 86_400_000;
const NOW = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
const ENABLED = ['node-readiness', 'apiserver-availability'];
const GATE = { soakDays: 1, allowedStatuses: ['ok' as const] };

/** Canary 1 %, production-east 49 %, production-west (last: no gate after it) the rest. */
function waves(size: number) {
  const names = Array.from(
    { length: size },
    (_, i) => `c-${String(i).padStart(5, '0')}`,
  );
  const canary = Math.max(1, Math.round(size / 100));
  const east = Math.round(size * 0.49);
  return [
    { name: 'canary', clusters: names.slice(0, canary) },
    { name: 'production-east', clusters: names.slice(canary, canary + east) },
    { name: 'production-west', clusters: names.slice(canary + east) },
  ];
}

/** The clusters a wave query's matcher names: `cluster=~"c-00001|c-00002"`. */
function matched(query: string): string[] {
  const match = /cluster=~"([^"]*)"/.exec(query);
  return match ? match[1].split('|').map(n => n.replace(/\\\\/g, '')) : [];
}

/** A matrix answer: every matched cluster at 1 (healthy) on every step. */
function matrixFor(form: Record<string, string>): string {
  const start = Number(form.start);
  const end = Number(form.end);
  const step = Number(form.step);
  const values: string[] = [];
  for (let t = start; t <= end; t += step) values.push(`[${t},"1"]`);
  const points = values.join(',');
  const series = matched(form.query).map(
    cluster => `{"metric":{"cluster":"${cluster}"},"values":[${points}]}`,
  );
  return `{"status":"success","data":{"resultType":"matrix","result":[${series.join(
    ',',
  )}]}}`;
}

async function main() {
  const recorder = await startRecorder((req, res) =>
    json(res, 200, matrixFor(req.form)),
  );
  const overrides = Object.fromEntries(
    DEFAULT_SIGNALS.filter(s => !ENABLED.includes(s.id)).map(s => [
      s.id,
      { enabled: false },
    ]),
  );
  const config = healthConfig({ url: recorder.url }, { signals: overrides });
  const signals = resolveSignals(config);

  async function judgeAll(size: number) {
    const client = new PromQLClient(config.sources[0]);
    const all = waves(size);
    const gates = await Promise.all(
      all.slice(0, -1).map(wave =>
        evaluateGate({
          wave: wave.name,
          targetVersion: '3.2.0',
          gate: GATE,
          clusters: wave.clusters.map(
            (name): GateCluster => ({
              name,
              version: '3.2.0',
              since: new Date(NOW.getTime() - 3 * DAY),
              catalog: { name, entityRef: `resource:default/${name}` },
            }),
          ),
          signals,
          clients: new Map([['central', client]]),
          now: NOW,
        }),
      ),
    );
    return { gates, queries: client.requests };
  }

  const small = await judgeAll(SMALL);
  recorder.requests.length = 0;
  const large = await judgeAll(CLUSTERS);
  const sent = recorder.requests.map(r => ({ ...r.form }));
  const rangeQueries = recorder.requests.filter(
    r => r.path === '/api/v1/query_range',
  ).length;

  // baseline: the same range queries, sent and parsed, nothing else
  const baseline = await time(
    () =>
      Promise.all(
        sent.map(async form => {
          const res = await fetch(`${recorder.url}/api/v1/query_range`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(form).toString(),
          });
          return JSON.parse(await res.text());
        }),
      ),
    { runs: 5 },
  );
  const gates = await time(() => judgeAll(CLUSTERS), { runs: 5 });
  await recorder.stop();

  report('rollout-gate', {
    clusters: CLUSTERS,
    waves: waves(CLUSTERS).map(w => ({
      name: w.name,
      clusters: w.clusters.length,
    })),
    signals: signals.map(s => s.id),
    soakDays: GATE.soakDays,
    upstreamQueries: {
      [`${SMALL} clusters`]: small.queries,
      [`${CLUSTERS} clusters`]: large.queries,
      rangeQueriesAtRecorder: rangeQueries,
      expected: `${waves(CLUSTERS).length - 1} gated waves × ${
        signals.length
      } signals`,
    },
    verdicts: large.gates.map(g => g.gate.reason),
    baselineRawQueries: baseline,
    gateEvaluation: gates,
    ratio: ratio(gates.medianMs, baseline.medianMs),
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
