import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import { clusterSeries } from '../__testUtils__/clusterMetrics';
import { healthConfigData } from '../__testUtils__/healthScenario';
import {
  MetricsServer,
  pushAndFlush,
  startPrometheus,
} from '../__testUtils__/metricsServers';
import { DEFAULT_SIGNALS } from '../health/signals';
import { MALLORY, startActionsBackend } from './__testUtils__/actionsBackend';

jest.setTimeout(60_000);

const NOW = Date.now();
const SAMPLES_AT = NOW - 60_000;
const CHECKOUT = 'prd-euw1-checkout-01';
const PAYMENTS = 'prd-euw1-payments-01';

describe('fleet:get-cluster-health', () => {
  let prometheus: MetricsServer;
  let context: Awaited<ReturnType<typeof startActionsBackend>>;

  beforeAll(async () => {
    // a real Prometheus as the central metrics store
    prometheus = await startPrometheus();
    await pushAndFlush(prometheus, [
      ...clusterSeries({ cluster: PAYMENTS }, SAMPLES_AT),
      ...clusterSeries(
        { cluster: CHECKOUT, certificateDays: [5, 60] },
        SAMPLES_AT,
      ),
      ...clusterSeries({ cluster: 'ghost-01' }, SAMPLES_AT),
    ]);
    context = await startActionsBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
      now: new Date(NOW),
      config: {
        ...healthConfigData({ url: prometheus.url }),
        app: { baseUrl: 'https://portal.example.com' },
      },
    });
  });
  afterAll(async () => {
    await context?.backend.stop();
    await prometheus?.stop();
  });

  const get = (input: object, user?: string) =>
    context
      .invoke('get-cluster-health', input as any, user)
      .then(r => r.output as any);

  it("gives the cluster's verdicts: the worst signal decides", async () => {
    const output = await get({ cluster: CHECKOUT });
    expect(output).toMatchObject({
      cluster: CHECKOUT,
      entityRef: `resource:default/${CHECKOUT}`,
      registered: true,
      environment: 'production',
      status: 'critical',
      worstSignal: 'certificate-expiry',
      sources: [{ name: 'central', type: 'prometheus', status: 'up' }],
      url: `https://portal.example.com/catalog/default/resource/${CHECKOUT}/health`,
    });
    expect(output.signals.map((s: any) => s.signal)).toEqual(
      DEFAULT_SIGNALS.map(s => s.id),
    );
    const certificate = output.signals.find(
      (s: any) => s.signal === 'certificate-expiry',
    );
    expect(certificate).toMatchObject({
      title: expect.any(String),
      status: 'critical',
      unit: 'days',
      threshold: 7,
      source: 'central',
      reason: expect.stringContaining('critical threshold 7'),
    });
    expect(certificate.value).toBeCloseTo(5, 0);
    expect(
      output.signals
        .filter((s: any) => !['ok', 'not-applicable'].includes(s.status))
        .map((s: any) => s.signal),
    ).toEqual(['certificate-expiry']);
  });

  it('gives a cluster that reports metrics but is not in the catalog, by name', async () => {
    const output = await get({ cluster: 'ghost-01' });
    expect(output).toMatchObject({
      cluster: 'ghost-01',
      registered: false,
      status: 'ok',
      url: 'https://portal.example.com/fleet/health',
    });
    expect(output.entityRef).toBeUndefined();
  });

  it('says unknown, with the reason, for a catalog cluster without metrics', async () => {
    const output = await get({ cluster: 'stg-euw1-checkout-01' });
    expect(output.status).toBe('unknown');
    expect(output.signals[0].reason).toMatch(/No series for this cluster/);
  });

  it('answers NotFoundError for a cluster neither the catalog nor the metrics know', async () => {
    await expect(get({ cluster: 'prd-euw1-nowhere-01' })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses input that does not fit the schema', async () => {
    await expect(get({ cluster: { name: CHECKOUT } })).rejects.toThrow(
      InputError,
    );
  });

  it('refuses a caller without fleet.health.read', async () => {
    await expect(get({ cluster: CHECKOUT }, MALLORY)).rejects.toThrow(
      'You are not allowed to read fleet health (permission fleet.health.read)',
    );
    await expect(get({ cluster: CHECKOUT }, MALLORY)).rejects.toThrow(
      NotAllowedError,
    );
  });
});

describe('fleet:get-cluster-health without a metrics source', () => {
  it('says that fleet health is not configured', async () => {
    const context = await startActionsBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
    });
    try {
      await expect(
        context.invoke('get-cluster-health', { cluster: CHECKOUT }),
      ).rejects.toThrow(ServiceUnavailableError);
    } finally {
      await context.backend.stop();
    }
  });
});
