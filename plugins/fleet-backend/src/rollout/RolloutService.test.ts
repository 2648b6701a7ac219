import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clusterEntity,
  FIXTURE_PLATFORM_REPO,
  profileEntity,
} from '../__fixtures__/entities';
import { healthConfig } from '../__testUtils__/healthScenario';
import { json, startRecorder, vectorOf } from '../__testUtils__/httpRecorder';
import { jsonMemoryCache } from '../__testUtils__/memoryCache';
import { HealthService } from '../health/HealthService';
import { DEFAULT_SIGNALS } from '../health/signals';
import { FleetInventory } from '../service/FleetInventory';
import { RolloutService } from './RolloutService';

const NOW = new Date('2026-06-15T12:00:00Z');
const ENABLED = ['node-readiness', 'apiserver-availability'];
const overrides = Object.fromEntries(
  DEFAULT_SIGNALS.filter(s => !ENABLED.includes(s.id)).map(s => [
    s.id,
    { enabled: false },
  ]),
);

const profile = profileEntity('production', '3.2.0', ['3.1.0']);
const entities: Entity[] = [
  {
    ...profile,
    spec: {
      ...profile.spec,
      rollout: {
        waves: [
          { name: 'canary', gate: { soakDays: 5 } },
          { name: 'production-east', gate: { soakDays: 3 } },
          { name: 'production-west' },
        ],
      },
    },
  },
  ...['prd-canary-01', 'prd-canary-02'].map((name, i) =>
    clusterEntity(name, `10.${64 + i}.0.0/16`, `10.96.${i * 16}.0/20`, {
      spec: { rollout: { wave: 'canary', versionSince: '2026-06-08' } },
    }),
  ),
  clusterEntity('prd-east-01', '10.70.0.0/16', '10.96.64.0/20', {
    spec: { profileVersion: '3.1.0', rollout: { wave: 'production-east' } },
  }),
];

/** A Prometheus stand-in: every cluster named by a query healthy now and at every step. */
async function healthyStore() {
  return startRecorder((req, res) => {
    const clusters = [
      ...(req.form.query.match(/prd-[a-z]+-\d\d/g) ?? ['prd-canary-01']),
    ];
    if (req.path === '/api/v1/query') {
      json(
        res,
        200,
        vectorOf(
          Object.fromEntries(
            ['prd-canary-01', 'prd-canary-02', 'prd-east-01'].map(c => [
              c,
              // the freshness query asks for the newest sample's time
              req.form.query.includes('timestamp(') ? Number(req.form.time) : 1,
            ]),
          ),
          Number(req.form.time),
        ),
      );
      return;
    }
    const start = Number(req.form.start);
    const step = Number(req.form.step);
    const values: Array<[number, string]> = [];
    for (let t = start; t <= Number(req.form.end); t += step) {
      values.push([t, '1']);
    }
    json(res, 200, {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: clusters.map(cluster => ({ metric: { cluster }, values })),
      },
    });
  });
}

function replica(
  url: string,
  cache: ReturnType<typeof jsonMemoryCache>['cache'],
) {
  const clock = { now: () => NOW };
  const catalog = catalogServiceMock({ entities });
  const inventory = new FleetInventory(catalog, clock, {
    origins: [FIXTURE_PLATFORM_REPO],
  });
  const health = new HealthService(
    healthConfig({ url }, { signals: overrides, cacheSeconds: 60 }),
    {
      cache,
      clock,
      catalog: { visible: async () => [], all: async () => [] },
    },
  );
  return new RolloutService({
    inventory,
    health,
    auth: mockServices.auth(),
    catalog,
    cache,
    clock,
  });
}

describe('RolloutService', () => {
  let store: Awaited<ReturnType<typeof healthyStore>>;
  beforeAll(async () => {
    store = await healthyStore();
  });
  afterAll(() => store.stop());
  beforeEach(() => {
    store.requests.length = 0;
  });

  it('opens the gate of a soaked canary wave: production-east may be promoted', async () => {
    const { cache } = jsonMemoryCache();
    const view = await replica(store.url, cache).view('production');
    expect(view.gate).toMatchObject({ wave: 'canary', verdict: 'open' });
    expect(view.gate!.reason).toBe(
      'canary: 2 of 2 on 3.2.0, healthy for 7.5 d of 5 d — open',
    );
    expect(view.nextWave).toBe('production-east');
    expect(view.promotable).toBe(true);
    expect(view.summary).toBe(
      'production-east may be promoted to 3.2.0 (1 of 1 behind): canary: 2 of 2 on 3.2.0, healthy for 7.5 d of 5 d — open',
    );
    expect(view.waves[0].clusters[0]).toMatchObject({
      healthNow: 'ok',
      worstSinceMoved: 'ok',
      healthyDays: 7.5,
    });
    // one range query per signal for the canary wave, restricted to its clusters
    const ranges = store.requests.filter(r => r.path === '/api/v1/query_range');
    expect(ranges.map(r => r.form.query)).toEqual(
      expect.arrayContaining([
        'avg by (cluster) (kube_node_status_condition{condition="Ready",status="true",cluster=~"prd-canary-01|prd-canary-02"})',
        'avg by (cluster) (up{job="apiserver",cluster=~"prd-canary-01|prd-canary-02"})',
      ]),
    );
    expect(ranges).toHaveLength(2);
  });

  it('serves another replica the same view from the shared cache, without asking the store again', async () => {
    const { cache } = jsonMemoryCache();
    const first = await replica(store.url, cache).view('production');
    const asked = store.requests.length;
    const second = await replica(store.url, cache).view('production');
    expect(second).toEqual(first);
    expect(store.requests).toHaveLength(asked);
  });
});
