import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader, JsonObject } from '@backstage/config';
import { ServerResponse } from 'node:http';
import {
  json,
  RecordedRequest,
  startRecorder,
  vectorOf,
} from '../__testUtils__/httpRecorder';
import { catalogCluster } from '../__testUtils__/healthScenario';
import { jsonMemoryCache } from '../__testUtils__/memoryCache';
import { freePort } from '../__testUtils__/metricsServers';
import { readHealthConfig } from './config';
import { HealthService } from './HealthService';
import { DEFAULT_SIGNALS } from './signals';

const NOW = new Date('2026-11-22T10:00:00Z');
const T = NOW.getTime() / 1000;
/** Queries of a round besides the signals: freshness, label contract, Kubernetes versions. */
const FIXED_QUERIES = 3;

/** A healthy-looking answer for every query: a value per cluster, fresh samples. */
function answerFor(clusters: string[]) {
  return (req: RecordedRequest, res: ServerResponse) => {
    const value = req.form.query.includes('timestamp(up') ? T - 30 : 1;
    json(
      res,
      200,
      vectorOf(Object.fromEntries(clusters.map(c => [c, value])), T),
    );
  };
}

function service(
  sources: JsonObject[],
  clusters: string[] = ['a', 'b'],
  extra: JsonObject = {},
) {
  const config = readHealthConfig(
    new ConfigReader({ fleet: { health: { sources, ...extra } } }),
  )!;
  const catalog = clusters.map(catalogCluster);
  return new HealthService(config, {
    cache: jsonMemoryCache().cache,
    clock: { now: () => NOW },
    catalog: { visible: async () => catalog, all: async () => catalog },
  });
}

describe('HealthService with a failing source', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  beforeEach(async () => {
    recorder = await startRecorder(answerFor(['a', 'b']));
  });
  afterEach(() => recorder.stop());

  const central = () => ({
    name: 'central',
    type: 'prometheus',
    url: recorder.url,
    // Generous: on a busy machine a short timeout would turn other faults into timeouts.
    timeoutSeconds: 10,
  });

  async function expectEverySignalUnknown(
    svc: HealthService,
    reason: string | RegExp,
    status: 'down' | 'degraded',
  ) {
    const snapshot = await svc.fleet({} as any);
    expect(snapshot.sources[0]).toMatchObject({ name: 'central', status });
    expect(snapshot.clusters).toHaveLength(2);
    for (const cluster of snapshot.clusters) {
      expect(cluster.status).toBe('unknown');
      expect(cluster.signals).toHaveLength(DEFAULT_SIGNALS.length);
      for (const verdict of cluster.signals) {
        // the clusters' profile runs Cilium: Calico's signal is known not to apply
        if (verdict.signal === 'cni-calico') {
          expect(verdict.status).toBe('not-applicable');
          continue;
        }
        expect(verdict.status).toBe('unknown');
        expect(verdict.value).toBeUndefined();
        expect(verdict.reason).toMatch(reason);
      }
    }
    return snapshot;
  }

  it('source down: every signal unknown with the connection error, source down', async () => {
    const port = await freePort();
    const snapshot = await expectEverySignalUnknown(
      service([{ ...central(), url: `http://127.0.0.1:${port}` }]),
      'Metrics source central failed: cannot connect (ECONNREFUSED)',
      'down',
    );
    expect(snapshot.sources[0].message).toBe('cannot connect (ECONNREFUSED)');
    expect(snapshot.labelCoverage).toEqual([]);
    expect(snapshot.kpis.labelCoverage).toBeUndefined();
  });

  it('timing out', async () => {
    recorder.setReply(() => {});
    const snapshot = await expectEverySignalUnknown(
      service([{ ...central(), timeoutSeconds: 0.5 }]),
      'Metrics source central failed: the request timed out',
      'down',
    );
    expect(snapshot.sources[0].message).toBe('the request timed out');
  });

  it('HTTP 500', async () => {
    recorder.setReply((_req, res) => {
      res.writeHead(500);
      res.end('upstream exploded');
    });
    const snapshot = await expectEverySignalUnknown(
      service([central()]),
      'Metrics source central failed: HTTP 500: upstream exploded',
      'down',
    );
    expect(snapshot.drift).toEqual([]);
  });

  it('non-JSON', async () => {
    recorder.setReply((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    const snapshot = await expectEverySignalUnknown(
      service([central()]),
      /failed: the response is not JSON: <html>maintenance<\/html>$/,
      'down',
    );
    expect(snapshot.kpis.byStatus.unknown).toBe(2);
  });

  it('wrong-shaped JSON', async () => {
    recorder.setReply((_req, res) =>
      json(res, 200, { status: 'success', data: { resultType: 'vector' } }),
    );
    const snapshot = await expectEverySignalUnknown(
      service([central()]),
      /failed: data.result is not an array$/,
      'down',
    );
    expect(snapshot.unregistered).toEqual([]);
  });

  it('partial responses: unknown with the warnings, source degraded', async () => {
    recorder.setReply((req, res) =>
      json(
        res,
        200,
        vectorOf(
          { a: req.form.query.includes('timestamp(up') ? T : 1, b: 1 },
          T,
          {
            warnings: ['partial response: store thanos-store-eu-2 unavailable'],
          },
        ),
      ),
    );
    const snapshot = await expectEverySignalUnknown(
      service([{ ...central(), type: 'thanos', partialResponse: true }]),
      /^Metrics source central answered with a partial response \(partial response: store thanos-store-eu-2 unavailable\); the value could be incomplete$/,
      'degraded',
    );
    expect(snapshot.sources[0].warnings).toEqual([
      'partial response: store thanos-store-eu-2 unavailable',
    ]);
  });

  it('one failing query makes only its signal unknown and the source degraded', async () => {
    const healthy = answerFor(['a', 'b']);
    recorder.setReply((req, res) => {
      if (req.form.query.includes('cilium')) {
        json(res, 422, {
          status: 'error',
          errorType: 'execution',
          error: 'too many samples',
        });
      } else {
        healthy(req, res);
      }
    });
    const snapshot = await service([central()]).fleet({} as any);
    expect(snapshot.sources[0]).toMatchObject({
      status: 'degraded',
      message: expect.stringContaining(
        '1 of 16 queries failed: HTTP 422: too many samples',
      ),
    });
    const a = snapshot.clusters.find(c => c.cluster === 'a')!;
    const unknown = a.signals.filter(v => v.status === 'unknown');
    expect(unknown).toEqual([
      expect.objectContaining({
        signal: 'cni-health',
        reason: 'Metrics source central failed: HTTP 422: too many samples',
      }),
    ]);
  });

  it('a second source down affects only the signals sent to it', async () => {
    const port = await freePort();
    const svc = service(
      [
        central(),
        {
          name: 'edge',
          type: 'victoriametrics',
          url: `http://127.0.0.1:${port}`,
        },
      ],
      ['a', 'b'],
      { signals: { 'backup-freshness': { source: 'edge' } } },
    );
    const snapshot = await svc.fleet({} as any);
    expect(snapshot.sources.map(s => [s.name, s.status])).toEqual([
      ['central', 'up'],
      ['edge', 'down'],
    ]);
    const a = snapshot.clusters.find(c => c.cluster === 'a')!;
    expect(a.signals.filter(v => v.status === 'unknown')).toEqual([
      expect.objectContaining({
        signal: 'backup-freshness',
        source: 'edge',
        reason: 'Metrics source edge failed: cannot connect (ECONNREFUSED)',
      }),
    ]);
  });
});

describe('HealthService rounds', () => {
  let recorder: Awaited<ReturnType<typeof startRecorder>>;
  afterEach(() => recorder?.stop());

  it.each([1, 2000])(
    'sends one query per signal plus 3 fixed ones, whatever the fleet size (%i clusters)',
    async size => {
      const clusters = Array.from({ length: size }, (_, i) => `c-${i}`);
      recorder = await startRecorder(answerFor(clusters));
      const svc = service(
        [{ name: 'central', type: 'prometheus', url: recorder.url }],
        clusters,
      );
      const snapshot = await svc.fleet({} as any);
      expect(snapshot.clusters).toHaveLength(size);
      const signalQueries = recorder.requests.filter(r =>
        svc.signals.some(s => s.query === r.form.query),
      );
      expect(signalQueries).toHaveLength(DEFAULT_SIGNALS.length);
      expect(recorder.requests).toHaveLength(
        DEFAULT_SIGNALS.length + FIXED_QUERIES,
      );
      expect(svc.upstreamRequests).toBe(recorder.requests.length);
    },
  );

  it('shares one round among concurrent callers and serves the cache afterwards', async () => {
    recorder = await startRecorder(async (req, res) => {
      await new Promise(r => setTimeout(r, 50));
      answerFor(['a', 'b'])(req, res);
    });
    const svc = service([
      { name: 'central', type: 'prometheus', url: recorder.url },
    ]);
    const snapshots = await Promise.all(
      Array.from({ length: 10 }, () => svc.fleet({} as any)),
    );
    const perRound = DEFAULT_SIGNALS.length + FIXED_QUERIES;
    expect(recorder.requests).toHaveLength(perRound);
    expect(new Set(snapshots.map(s => s.generatedAt)).size).toBe(1);
    await svc.fleet({} as any);
    expect(recorder.requests).toHaveLength(perRound);
  });

  it('shares the round between replicas through the cache service', async () => {
    recorder = await startRecorder(answerFor(['a']));
    const config = readHealthConfig(
      new ConfigReader({
        fleet: {
          health: {
            sources: [
              { name: 'central', type: 'prometheus', url: recorder.url },
            ],
          },
        },
      }),
    )!;
    const { cache } = jsonMemoryCache();
    const catalog = [catalogCluster('a')];
    const replica = () =>
      new HealthService(config, {
        cache,
        clock: { now: () => NOW },
        catalog: { visible: async () => catalog, all: async () => catalog },
      });
    const first = await replica().fleet({} as any);
    const second = await replica().fleet({} as any);
    expect(recorder.requests).toHaveLength(
      DEFAULT_SIGNALS.length + FIXED_QUERIES,
    );
    expect(second).toEqual(first);
  });

  it("reuses a principal's joined snapshot within the round", async () => {
    recorder = await startRecorder(answerFor(['a']));
    const config = readHealthConfig(
      new ConfigReader({
        fleet: {
          health: {
            sources: [
              { name: 'central', type: 'prometheus', url: recorder.url },
            ],
          },
        },
      }),
    )!;
    const catalog = [catalogCluster('a')];
    const visible = jest.fn(async () => catalog);
    const svc = new HealthService(config, {
      cache: jsonMemoryCache().cache,
      clock: { now: () => NOW },
      catalog: { visible, all: async () => catalog },
    });
    const alice = mockCredentials.user('user:default/alice');
    const bob = mockCredentials.user('user:default/bob');
    const body = await svc.fleetJson(alice);
    expect(await svc.fleetJson(alice)).toBe(body);
    await svc.fleet(bob);
    expect(visible.mock.calls).toEqual([[alice], [bob]]);
  });

  it('sends a new round every time when cacheSeconds is 0', async () => {
    recorder = await startRecorder(answerFor(['a']));
    const svc = service(
      [{ name: 'central', type: 'prometheus', url: recorder.url }],
      ['a'],
      { cacheSeconds: 0 },
    );
    await svc.fleet({} as any);
    await svc.fleet({} as any);
    expect(recorder.requests).toHaveLength(
      2 * (DEFAULT_SIGNALS.length + FIXED_QUERIES),
    );
  });

  it('leaves out disabled signals and sends overridden queries', async () => {
    recorder = await startRecorder(answerFor(['a']));
    const svc = service(
      [
        {
          name: 'central',
          type: 'prometheus',
          url: recorder.url,
          clusterLabel: 'k8s_cluster',
        },
      ],
      ['a'],
      {
        signals: {
          'cni-health': { enabled: false },
          'container-restarts': {
            query: 'sum by (k8s_cluster) (my_restarts)',
            warning: 1,
            critical: 2,
          },
        },
      },
    );
    await svc.fleet({} as any);
    const queries = recorder.requests.map(r => r.form.query);
    expect(queries).toHaveLength(DEFAULT_SIGNALS.length - 1 + FIXED_QUERIES);
    expect(queries).toContain('sum by (k8s_cluster) (my_restarts)');
    expect(queries).toContain(
      'sum by (k8s_cluster) (kube_node_spec_unschedulable{k8s_cluster!=""})',
    );
    expect(queries.some(q => q.includes('cilium'))).toBe(false);
  });
});
