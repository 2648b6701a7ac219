import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ClusterHealthDetail,
  fleetHealthReadPermission,
  FleetHealthGrid,
  FleetHealthSnapshot,
  FleetHealthSummary,
  HealthClusterPage,
} from '@fleet-portal/plugin-fleet-common';
import { execFileSync } from 'node:child_process';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import request from 'supertest';
import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import { clusterSeries } from '../__testUtils__/clusterMetrics';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';
import { healthConfigData } from '../__testUtils__/healthScenario';
import {
  MetricsServer,
  PROMTOOL_BIN,
  pushAndFlush,
  PushSeries,
  startPrometheus,
} from '../__testUtils__/metricsServers';
import { toOpenMetrics } from '../__testUtils__/openMetrics';
import { DEFAULT_SIGNALS } from '../health/signals';

jest.setTimeout(60_000);

const ALICE = 'user:default/alice';
const NOW = Date.now();
const SAMPLES_AT = NOW - 60_000;
const PAYMENTS = 'prd-euw1-payments-01';
const CHECKOUT = 'prd-euw1-checkout-01';
const EXPIRY = Math.round(SAMPLES_AT / 1000 + 60 * 86400);

/** Five hours of cert-manager history for the payments cluster, up to 70 minutes ago. */
function certificateHistory(): PushSeries[] {
  const [cert] = clusterSeries({ cluster: PAYMENTS }, SAMPLES_AT).filter(
    s =>
      s.labels.__name__ ===
        'certmanager_certificate_expiration_timestamp_seconds' &&
      s.labels.name === 'tls-0',
  );
  const samples = [];
  for (let t = NOW - 6 * 3600_000; t <= NOW - 70 * 60_000; t += 300_000) {
    samples.push({ value: EXPIRY, timestamp: Math.floor(t / 1000) * 1000 });
  }
  return [{ labels: cert.labels, samples }];
}

describe('fleet health routes', () => {
  let prometheus: MetricsServer;
  let context: Awaited<ReturnType<typeof startFleetTestBackend>>;

  beforeAll(async () => {
    prometheus = await startPrometheus({
      backfill: toOpenMetrics(certificateHistory()),
    });
    await pushAndFlush(prometheus, [
      ...clusterSeries({ cluster: PAYMENTS }, SAMPLES_AT),
      ...clusterSeries(
        { cluster: CHECKOUT, certificateDays: [5, 60] },
        SAMPLES_AT,
      ),
      ...clusterSeries({ cluster: 'ghost-01' }, SAMPLES_AT),
    ]);
    context = await startFleetTestBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
      now: new Date(NOW),
      config: healthConfigData({ url: prometheus.url }),
    });
  });
  afterAll(async () => {
    await context?.backend.stop();
    await prometheus?.stop();
  });

  it('GET /health/fleet lists every catalog cluster and the unregistered ones', async () => {
    const res = await request(context.server)
      .get('/api/fleet/health/fleet')
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(res.status).toBe(200);
    const snapshot: FleetHealthSnapshot = res.body;
    expect(snapshot.sources).toEqual([
      { name: 'central', type: 'prometheus', status: 'up' },
    ]);
    expect(snapshot.signals.map(s => s.id)).toEqual(
      DEFAULT_SIGNALS.map(s => s.id),
    );
    expect(snapshot.clusters.map(c => c.cluster).sort()).toEqual(
      [...fleet.map(e => e.metadata.name), 'ghost-01'].sort(),
    );
    expect(snapshot.unregistered).toEqual(['ghost-01']);
    const byName = new Map(snapshot.clusters.map(c => [c.cluster, c]));
    expect(byName.get(PAYMENTS)).toMatchObject({
      status: 'ok',
      entityRef: `resource:default/${PAYMENTS}`,
      environment: 'production',
    });
    expect(byName.get(CHECKOUT)).toMatchObject({
      status: 'critical',
      worstSignal: 'certificate-expiry',
    });
    expect(
      byName
        .get(CHECKOUT)!
        .signals.filter(
          v => v.status !== 'ok' && v.status !== 'not-applicable',
        ),
    ).toEqual([
      expect.objectContaining({
        signal: 'certificate-expiry',
        status: 'critical',
      }),
    ]);
    expect(byName.get('stg-euw1-checkout-01')!.status).toBe('unknown');
  });

  const get = (path: string) =>
    request(context.server)
      .get(`/api/fleet${path}`)
      .set('Authorization', mockCredentials.user.header(ALICE));

  it('GET /health/summary gives the KPIs, environments worst first and the facets', async () => {
    const res = await get('/health/summary');
    expect(res.status).toBe(200);
    const summary: FleetHealthSummary = res.body;
    expect(summary.kpis).toMatchObject({
      clusters: fleet.length + 1,
      unregistered: 1,
    });
    expect(summary.environments[0]).toMatchObject({
      environment: 'production',
      byStatus: expect.objectContaining({ critical: 1 }),
    });
    expect(summary.unregistered).toEqual({ total: 1, names: ['ghost-01'] });
    expect(summary.facets.owner).toContain('group:default/team-checkout');
    expect(summary.signals.map(s => s.id)).toEqual(
      DEFAULT_SIGNALS.map(s => s.id),
    );
  });

  it('GET /health/clusters pages the verdicts worst first, filtered on the server', async () => {
    const first = await get('/health/clusters?limit=1');
    expect(first.status).toBe(200);
    const page: HealthClusterPage = first.body;
    expect(page).toMatchObject({
      totalItems: fleet.length + 1,
      offset: 0,
      limit: 1,
    });
    expect(page.items.map(c => c.cluster)).toEqual([CHECKOUT]);
    expect(page.items[0]).toMatchObject({
      status: 'critical',
      worstSignal: 'certificate-expiry',
      owner: 'group:default/team-checkout',
      profileRef: 'clusterprofile:default/production',
    });
    // Calico's signal does not apply to a profile that runs Cilium
    expect(
      page.items[0].signals.find(v => v.signal === 'cni-calico'),
    ).toMatchObject({ status: 'not-applicable' });

    const ok: HealthClusterPage = (
      await get('/health/clusters?status=ok&environment=production')
    ).body;
    expect(ok.items.map(c => c.cluster)).toEqual([PAYMENTS]);
  });

  it('GET /health/grid gives status codes per cluster and signal', async () => {
    const res = await get('/health/grid?groupBy=environment');
    expect(res.status).toBe(200);
    const grid: FleetHealthGrid = res.body;
    expect(grid.clusters[0]).toBe(CHECKOUT);
    expect(grid.signals).toEqual(DEFAULT_SIGNALS.map(s => s.id));
    expect(grid.cells).toHaveLength(grid.clusters.length * grid.signals.length);
    const row = grid.cells.slice(0, grid.signals.length);
    expect(row[grid.signals.indexOf('certificate-expiry')]).toBe('c');
    expect(row[grid.signals.indexOf('cni-calico')]).toBe('n');
    expect(grid.entityRefs[0]).toBe(`resource:default/${CHECKOUT}`);
    expect(grid.groupLabels![0]).toBe('production');
    expect(grid.overview).toHaveLength(fleet.length + 1);
  });

  it.each([
    ['/health/clusters?limit=101', 'limit'],
    ['/health/clusters?status=bad', 'status'],
    ['/health/grid?orderBy=signal', 'signal'],
    ['/health/grid?orderBy=signal&signal=nope', 'signal'],
  ])('GET %s is 400 naming %s', async (path, param) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(`query parameter ${param}`);
  });

  it('GET /health/clusters/:namespace/:name gives verdicts and history', async () => {
    const res = await request(context.server)
      .get(`/api/fleet/health/clusters/default/${PAYMENTS}`)
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(res.status).toBe(200);
    const detail: ClusterHealthDetail = res.body;
    expect(detail).toMatchObject({
      cluster: PAYMENTS,
      status: 'ok',
      historyRange: '6h',
      drift: [],
      labelCoverage: { share: 1, missingLabels: [] },
    });
    expect(detail.signalDefinitions).toHaveLength(DEFAULT_SIGNALS.length);
    const cert = detail.history['certificate-expiry'];
    // 6 h at a 180 s step: the backfilled 5 h and the pushed samples (within the 5 min lookback).
    expect(cert.length).toBeGreaterThan(90);
    expect(cert.length).toBeLessThanOrEqual(121);
    for (const point of cert) {
      expect(point.value).toBeGreaterThan(59.9);
      expect(point.value).toBeLessThan(60.3);
    }
    expect(Date.parse(cert[0].time)).toBeLessThan(NOW - 5 * 3600_000);
    // Restarts have two samples only: a short history, not an invented one.
    expect(detail.history['container-restarts'].length).toBeLessThan(25);
  });

  it('is 404 for a cluster the catalog does not know', async () => {
    const res = await request(context.server)
      .get('/api/fleet/health/clusters/default/ghost-01')
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(res.status).toBe(404);
    expect(res.body.error.name).toBe('NotFoundError');
  });

  it('adds the verdicts to the Prometheus exposition', async () => {
    const res = await request(context.server)
      .get('/api/fleet/metrics')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    const families = new Map(
      parsePrometheusTextFormat(res.text).map(f => [f.name, f]),
    );
    const status = families.get('fleet_cluster_health_status')!;
    const current = status.metrics
      .filter(m => m.value === '1' && m.labels!.cluster === CHECKOUT)
      .map(m => `${m.labels!.signal}=${m.labels!.status}`);
    expect(current).toContain('certificate-expiry=critical');
    expect(current).toContain('node-readiness=ok');
    expect(
      families
        .get('fleet_cluster_signal_value')!
        .metrics.find(
          m =>
            m.labels!.cluster === CHECKOUT &&
            m.labels!.signal === 'certificate-expiry',
        )!.value,
    ).toMatch(/^(4\.9|5)/);
    expect(families.get('fleet_cluster_unregistered')!.metrics).toEqual([
      { labels: { cluster: 'ghost-01' }, value: '1' },
    ]);
    expect(families.get('fleet_metrics_source_up')!.metrics).toEqual([
      { labels: { source: 'central', type: 'prometheus' }, value: '1' },
    ]);
    execFileSync(PROMTOOL_BIN, ['check', 'metrics'], {
      input: res.text,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  });

  it.each([
    '/health/fleet',
    '/health/summary',
    '/health/clusters',
    '/health/grid',
    `/health/clusters/default/${PAYMENTS}`,
  ])('GET %s is 403 when the policy denies fleet.health.read', async path => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY } as const)),
      ),
    });
    const denied = await startFleetTestBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
      config: healthConfigData({ url: prometheus.url }),
      features: [permissions.factory],
    });
    try {
      const res = await request(denied.server)
        .get(`/api/fleet${path}`)
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(res.status).toBe(403);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: fleetHealthReadPermission }],
        { credentials: mockCredentials.user(ALICE) },
      );
    } finally {
      await denied.backend.stop();
    }
  });

  it('leaves the health families out of the exposition for a caller without fleet.health.read', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async requests =>
        requests.map(r => ({
          result:
            r.permission.name === fleetHealthReadPermission.name
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      ),
    });
    const partial = await startFleetTestBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
      config: healthConfigData({ url: prometheus.url }),
      features: [permissions.factory],
    });
    try {
      const res = await request(partial.server)
        .get('/api/fleet/metrics')
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(res.status).toBe(200);
      expect(res.text).toContain('fleet_cluster_review_overdue');
      expect(res.text).not.toContain('fleet_cluster_health_status');
    } finally {
      await partial.backend.stop();
    }
  });

  it('is 503, naming the setting, when no metrics source is configured', async () => {
    const bare = await startFleetTestBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
    });
    try {
      const res = await request(bare.server)
        .get('/api/fleet/health/fleet')
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain('fleet.health.sources');
    } finally {
      await bare.backend.stop();
    }
  });
});
