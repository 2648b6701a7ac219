import { RolloutGateSpec } from '@fleet-portal/plugin-fleet-common';
import {
  freePort,
  MetricsServer,
  PushSeries,
  startPrometheus,
} from '../__testUtils__/metricsServers';
import { toOpenMetrics } from '../__testUtils__/openMetrics';
import { healthConfig } from '../__testUtils__/healthScenario';
import { PromQLClient } from '../health/promql/PromQLClient';
import { resolveSignals } from '../health/signals';
import { DEFAULT_SIGNALS } from '../health/signals';
import { evaluateGate, GateCluster } from './evaluateGate';

jest.setTimeout(120_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SAMPLE_EVERY = 2 * 60_000;
// a whole hour, so that the periods below fall on the queries' steps
const NOW = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
const GATE: RolloutGateSpec = { soakDays: 5, allowedStatuses: ['ok'] };

/** Two signals: node readiness (1 ok, 0.9 warning, 0.5 critical) and API server availability. */
const ENABLED = ['node-readiness', 'apiserver-availability'];
const overrides = Object.fromEntries(
  DEFAULT_SIGNALS.filter(s => !ENABLED.includes(s.id)).map(s => [
    s.id,
    { enabled: false },
  ]),
);

type Dip = { from: number; to: number; value: number };

function series(name: string, since: number, dips: Dip[] = []): PushSeries[] {
  const readiness: PushSeries['samples'] = [];
  const up: PushSeries['samples'] = [];
  for (let t = since; t <= NOW; t += SAMPLE_EVERY) {
    const dip = dips.find(d => t >= d.from && t <= d.to);
    readiness.push({ timestamp: t, value: dip ? dip.value : 1 });
    up.push({ timestamp: t, value: 1 });
  }
  return [
    {
      labels: {
        __name__: 'kube_node_status_condition',
        condition: 'Ready',
        status: 'true',
        cluster: name,
      },
      samples: readiness,
    },
    {
      labels: { __name__: 'up', job: 'apiserver', cluster: name },
      samples: up,
    },
  ];
}

function dayAt(daysAgo: number, hour: number): number {
  const day = new Date(NOW - daysAgo * DAY);
  return Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate(),
    hour,
  );
}

const critical = { from: dayAt(2, 9), to: dayAt(2, 11), value: 0.5 };
const longAgo = { from: dayAt(7, 3), to: dayAt(7, 4), value: 0.5 };

const BACKFILL = [
  ...series('prd-open-01', NOW - 9 * DAY),
  // critical a week ago, after its move but before the soak window: does not close the gate
  ...series('prd-open-02', NOW - 9 * DAY, [longAgo]),
  ...series('prd-crit-01', NOW - 9 * DAY, [critical]),
  ...series('prd-short-01', NOW - 3 * DAY),
  // reports only its API server: node readiness is missing
  ...series('prd-partial-01', NOW - 9 * DAY).slice(1),
];

function cluster(name: string, since: number, version = '3.2.0'): GateCluster {
  return {
    name,
    version,
    since: new Date(since),
    catalog: { name, entityRef: `resource:default/${name}` },
  };
}

describe('evaluateGate against a real Prometheus with backfilled history', () => {
  let prometheus: MetricsServer;
  let client: PromQLClient;

  beforeAll(async () => {
    prometheus = await startPrometheus({ backfill: toOpenMetrics(BACKFILL) });
  });
  afterAll(() => prometheus?.stop());

  function evaluate(clusters: GateCluster[], url = prometheus.url) {
    const config = healthConfig({ url }, { signals: overrides });
    const signals = resolveSignals(config);
    client = new PromQLClient(config.sources[0]);
    return evaluateGate({
      wave: 'canary',
      targetVersion: '3.2.0',
      gate: GATE,
      clusters,
      signals,
      clients: new Map([['central', client]]),
      now: new Date(NOW),
    });
  }

  it('opens when every cluster has run the target version within the allowed statuses for the soak', async () => {
    const { gate, clusters } = await evaluate([
      cluster('prd-open-01', NOW - 8 * DAY),
      cluster('prd-open-02', NOW - 8 * DAY),
    ]);
    expect(gate.verdict).toBe('open');
    // prd-open-02's critical hour a week ago ends its clean stretch
    const cleanDays = (NOW - longAgo.to) / DAY;
    expect(gate.reason).toBe(
      `canary: 2 of 2 on 3.2.0, healthy for ${
        Math.floor(gate.evidence.healthyDays! * 10) / 10
      } d of 5 d — open`,
    );
    expect(gate.evidence.healthyDays).toBeLessThan(cleanDays);
    expect(gate.evidence.healthyDays).toBeGreaterThan(cleanDays - 0.05);
    expect(gate.evidence.leastSoakedCluster).toBe('prd-open-02');
    expect(clusters.get('prd-open-01')).toMatchObject({
      worstSinceMoved: 'ok',
    });
    expect(clusters.get('prd-open-02')).toMatchObject({
      worstSinceMoved: 'critical',
    });
    // one range query per signal for the whole wave
    expect(gate.evidence.queries).toBe(2);
    expect(client.requests).toBe(2);
  });

  it('closes on a critical period inside the soak window, naming cluster and time', async () => {
    const { gate } = await evaluate([
      cluster('prd-open-01', NOW - 8 * DAY),
      cluster('prd-crit-01', NOW - 8 * DAY),
    ]);
    const date = new Date(critical.from).toISOString().slice(0, 10);
    expect(gate.verdict).toBe('closed');
    expect(gate.reason).toBe(
      `canary: 2 of 2 on 3.2.0, critical on prd-crit-01 on ${date} 09:00–11:00 UTC (node-readiness) — closed`,
    );
    expect(gate.evidence.periods[0]).toMatchObject({
      cluster: 'prd-crit-01',
      status: 'critical',
      signal: 'node-readiness',
    });
  });

  it('closes when a cluster has soaked too briefly', async () => {
    const { gate } = await evaluate([
      cluster('prd-open-01', NOW - 8 * DAY),
      cluster('prd-short-01', NOW - 3 * DAY),
    ]);
    expect(gate.verdict).toBe('closed');
    expect(gate.reason).toBe(
      'canary: 2 of 2 on 3.2.0, healthy for 3 d of 5 d — closed',
    );
  });

  it('closes when a cluster is not on the target version, without asking the source', async () => {
    const { gate } = await evaluate([
      cluster('prd-open-01', NOW - 8 * DAY),
      cluster('prd-short-01', NOW - 3 * DAY, '3.1.0'),
    ]);
    expect(gate.verdict).toBe('closed');
    expect(gate.reason).toBe(
      'canary: 1 of 2 on 3.2.0 — closed (prd-short-01 runs 3.1.0)',
    );
    expect(client.requests).toBe(0);
  });

  it('is unknown, never open, when the source is down', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const { gate } = await evaluate(
      [cluster('prd-open-01', NOW - 8 * DAY)],
      down,
    );
    expect(gate.verdict).toBe('unknown');
    expect(gate.reason).toMatch(
      /^canary: 1 of 1 on 3\.2\.0, health unknown: metrics source central failed: cannot connect .* — unknown$/,
    );
    expect(gate.evidence.sources).toEqual([
      expect.objectContaining({ name: 'central', status: 'down' }),
    ]);
  });

  it('is unknown, never open, when a cluster has no series of a signal', async () => {
    const { gate } = await evaluate([
      cluster('prd-open-01', NOW - 8 * DAY),
      cluster('prd-partial-01', NOW - 8 * DAY),
    ]);
    expect(gate.verdict).toBe('unknown');
    expect(gate.reason).toMatch(
      /^canary: 2 of 2 on 3\.2\.0, health unknown: no data for prd-partial-01 from .* UTC \(node-readiness\) — unknown$/,
    );
  });

  it('allows warning when the gate does', async () => {
    const config = healthConfig(
      { url: prometheus.url },
      { signals: overrides },
    );
    const { gate } = await evaluateGate({
      wave: 'canary',
      targetVersion: '3.2.0',
      gate: { soakDays: 5, allowedStatuses: ['ok', 'warning'] },
      clusters: [cluster('prd-crit-01', NOW - 8 * DAY)],
      signals: resolveSignals(config),
      clients: new Map([['central', new PromQLClient(config.sources[0])]]),
      now: new Date(NOW),
    });
    // critical is never allowed
    expect(gate.verdict).toBe('closed');
  });
});
