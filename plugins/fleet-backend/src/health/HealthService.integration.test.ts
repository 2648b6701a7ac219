import {
  FleetHealthSnapshot,
  SignalStatus,
} from '@fleet-portal/plugin-fleet-common';
import { jsonMemoryCache } from '../__testUtils__/memoryCache';
import {
  MetricsServer,
  pushAndFlush,
  startPrometheus,
  startVictoriaMetrics,
} from '../__testUtils__/metricsServers';
import {
  healthConfig,
  SCENARIO_CATALOG,
  scenarioSeries,
} from '../__testUtils__/healthScenario';
import { DEFAULT_SIGNALS } from './signals';
import { HealthService } from './HealthService';

jest.setTimeout(60_000);

const SAMPLE_LAG_MS = 60_000;
const SIGNAL_IDS = DEFAULT_SIGNALS.map(s => s.id);

function serviceFor(server: MetricsServer, now: () => Date) {
  const config = healthConfig({ url: server.url, type: server.kind });
  const { cache } = jsonMemoryCache();
  return new HealthService(config, {
    cache,
    clock: { now },
    catalog: {
      visible: async () => SCENARIO_CATALOG,
      all: async () => SCENARIO_CATALOG,
    },
  });
}

// VictoriaMetrics leaves NaN results out of its answers, so a NaN there is a missing series.
describe.each([
  [
    'Prometheus',
    startPrometheus,
    'The query returned NaN, not a finite number',
  ],
  ['VictoriaMetrics', startVictoriaMetrics, /^No series for this cluster/],
] as const)('fleet health against a real %s', (_name, start, nanReason) => {
  let server: MetricsServer;
  let service: HealthService;
  let snapshot: FleetHealthSnapshot;

  beforeAll(async () => {
    server = await start();
    // Samples a minute old, as remote write delivers them: VictoriaMetrics 1.79 hides the newest
    // ~30 s from instant queries even with -search.latencyOffset=0s.
    const now = Date.now();
    await pushAndFlush(server, scenarioSeries(now - SAMPLE_LAG_MS));
    service = serviceFor(server, () => new Date(now));
    snapshot = await service.fleet({} as any);
  });
  afterAll(() => server?.stop());

  function statuses(cluster: string): Record<string, SignalStatus> {
    const health = snapshot.clusters.find(c => c.cluster === cluster)!;
    return Object.fromEntries(health.signals.map(v => [v.signal, v.status]));
  }
  /** Every signal of a Cilium cluster at `status`; Calico's does not apply to it. */
  const every = (status: SignalStatus) =>
    Object.fromEntries(
      SIGNAL_IDS.map(id => [
        id,
        id === 'cni-calico' ? 'not-applicable' : status,
      ]),
    );

  it('reports the source up', () => {
    expect(snapshot.sources).toEqual([
      { name: 'central', type: server.kind, status: 'up' },
    ]);
  });

  it('judges every signal ok for a healthy cluster', () => {
    expect(statuses('ok')).toEqual(every('ok'));
    expect(snapshot.clusters.find(c => c.cluster === 'ok')).toMatchObject({
      status: 'ok',
      entityRef: 'resource:default/ok',
      environment: 'production',
    });
  });

  it('judges every signal warning at the warning levels', () => {
    expect(statuses('warn')).toEqual(every('warning'));
  });

  it('judges every signal critical at the critical levels', () => {
    expect(statuses('crit')).toEqual(every('critical'));
    const crit = snapshot.clusters.find(c => c.cluster === 'crit')!;
    expect(crit).toMatchObject({
      status: 'critical',
      worstSignal: 'apiserver-availability',
    });
  });

  it('names value and threshold in the reason', () => {
    const cert = snapshot.clusters
      .find(c => c.cluster === 'crit')!
      .signals.find(v => v.signal === 'certificate-expiry')!;
    expect(cert.value).toBeGreaterThan(4.9);
    expect(cert.value).toBeLessThan(5.01);
    expect(cert).toMatchObject({
      status: 'critical',
      threshold: 7,
      source: 'central',
    });
    expect(cert.reason).toMatch(
      /^(4\.99?|5) days is at or below the critical threshold 7 days$/,
    );
    expect(Date.parse(cert.sampleTime!)).toBeGreaterThan(
      Date.now() - 2 * SAMPLE_LAG_MS,
    );
  });

  it('gives unknown, naming the missing series, for signals a cluster does not report', () => {
    const bare = snapshot.clusters.find(c => c.cluster === 'bare')!;
    expect(statuses('bare')).toEqual({
      ...every('unknown'),
      'apiserver-availability': 'ok',
    });
    const readiness = bare.signals.find(v => v.signal === 'node-readiness')!;
    expect(readiness.reason).toMatch(
      /^No series for this cluster from central/,
    );
    expect(readiness.value).toBeUndefined();
  });

  it('gives unknown for stale data, naming its age', () => {
    expect(statuses('stale')).toEqual(every('unknown'));
    const verdict = snapshot.clusters.find(c => c.cluster === 'stale')!
      .signals[0];
    expect(verdict.reason).toMatch(
      /^Stale data: the newest sample of this cluster in central is 4 min old \(max age 2 min\)$/,
    );
    expect(verdict.value).toBeUndefined();
  });

  it('gives unknown for a NaN value rather than a number', () => {
    const backup = snapshot.clusters
      .find(c => c.cluster === 'nan')!
      .signals.find(v => v.signal === 'backup-freshness')!;
    expect(backup).toMatchObject({ status: 'unknown' });
    expect(backup.reason).toMatch(nanReason);
    expect(backup.value).toBeUndefined();
  });

  it('lists a catalog cluster without metrics as unknown', () => {
    const silent = snapshot.clusters.find(c => c.cluster === 'silent')!;
    expect(silent.status).toBe('unknown');
    expect(silent.entityRef).toBe('resource:default/silent');
    expect(statuses('silent')).toEqual(every('unknown'));
  });

  it('lists a reporting cluster without a catalog entity as unregistered', () => {
    expect(snapshot.unregistered).toEqual(['ghost']);
    const ghost = snapshot.clusters.find(c => c.cluster === 'ghost')!;
    expect(ghost.entityRef).toBeUndefined();
    expect(ghost.status).toBe('ok');
    expect(snapshot.kpis.unregistered).toBe(1);
  });

  it('measures the label contract per cluster', () => {
    const ok = snapshot.labelCoverage.find(c => c.cluster === 'ok')!;
    expect(ok).toMatchObject({ share: 1, missingLabels: [] });
    expect(ok.series).toBeGreaterThan(100);
    const warn = snapshot.labelCoverage.find(c => c.cluster === 'warn')!;
    expect(warn).toMatchObject({ share: 0, missingLabels: ['site'] });
    expect(snapshot.kpis.labelCoverage).toBeGreaterThan(0.7);
    expect(snapshot.kpis.labelCoverage).toBeLessThan(1);
  });

  it("finds Kubernetes versions that drift from the profile's pin", () => {
    expect(snapshot.drift).toEqual([
      expect.objectContaining({
        cluster: 'warn',
        component: 'kubernetes',
        observed: '1.30.2',
        pinned: '1.31.4',
        withinAllowedRange: true,
      }),
      expect.objectContaining({
        cluster: 'crit',
        observed: '1.29.0',
        withinAllowedRange: false,
        allowedRange: '>=1.30.0 <1.32.0',
      }),
    ]);
    expect(snapshot.kpis.drifted).toBe(2);
  });

  it("judges a Calico cluster by Calico's series, and Cilium's signal as not applicable", () => {
    expect(statuses('edge')).toEqual({
      ...every('ok'),
      'cni-health': 'not-applicable',
      'cni-calico': 'critical',
    });
    const edge = snapshot.clusters.find(c => c.cluster === 'edge')!;
    expect(edge).toMatchObject({
      status: 'critical',
      worstSignal: 'cni-calico',
    });
    const calico = edge.signals.find(v => v.signal === 'cni-calico')!;
    expect(calico.reason).toMatch(
      /^\d+ failures is at or above the critical threshold 10 failures$/,
    );
    const cilium = edge.signals.find(v => v.signal === 'cni-health')!;
    expect(cilium.reason).toBe(
      'Not applicable: its profile clusterprofile:default/production runs calico as its cni, not cilium',
    );
    expect(cilium.value).toBeUndefined();
  });

  it('judges an unregistered cluster that reports Cilium as not running Calico', () => {
    const ghost = snapshot.clusters.find(c => c.cluster === 'ghost')!;
    expect(ghost.signals.find(v => v.signal === 'cni-calico')).toMatchObject({
      status: 'not-applicable',
      reason:
        'Not applicable: the cluster reports CNI health (Cilium) instead (its profile is not known)',
    });
  });

  it('counts clusters by status', () => {
    expect(snapshot.kpis).toMatchObject({
      clusters: 9,
      byStatus: { ok: 2, warning: 1, critical: 2, unknown: 4 },
    });
  });
});
