import { ConfigReader, JsonObject } from '@backstage/config';
import { readHealthConfig } from './config';

function read(health: JsonObject) {
  return readHealthConfig(new ConfigReader({ fleet: { health } }));
}

const prom = { name: 'central', type: 'prometheus', url: 'http://prom:9090/' };

describe('readHealthConfig', () => {
  it('is undefined without sources', () => {
    expect(readHealthConfig(new ConfigReader({}))).toBeUndefined();
    expect(read({ cacheSeconds: 10 })).toBeUndefined();
  });

  it('applies the defaults', () => {
    expect(read({ sources: [prom] })).toEqual({
      sources: [
        {
          name: 'central',
          type: 'prometheus',
          url: 'http://prom:9090',
          timeoutMs: 10_000,
          clusterLabel: 'cluster',
          tenant: undefined,
          partialResponse: undefined,
          dedup: undefined,
          auth: undefined,
          tls: undefined,
        },
      ],
      signals: {},
      cacheSeconds: 30,
      maxSampleAgeSeconds: 600,
      history: { rangeSeconds: 6 * 3600, maxPoints: 120 },
      labelContract: {
        enabled: true,
        requiredLabels: ['cluster', 'environment', 'site', 'platform_version'],
        source: 'central',
        metric: undefined,
      },
      versions: { enabled: true, source: 'central' },
    });
  });

  it('reads auth, TLS, Mimir and Thanos options', () => {
    const config = read({
      sources: [
        {
          name: 'mimir',
          type: 'mimir',
          url: 'https://mimir/prometheus',
          tenant: 'fleet',
          auth: { username: 'u', password: 'p' },
          tls: { ca: '/etc/ca.pem', insecureSkipVerify: true },
          timeoutSeconds: 2.5,
        },
        {
          name: 'thanos',
          type: 'thanos',
          url: 'http://thanos:10902',
          partialResponse: true,
          dedup: false,
          auth: { token: 't' },
        },
      ],
      history: { range: '12h', maxPoints: 60 },
    })!;
    expect(config.sources[0]).toMatchObject({
      tenant: 'fleet',
      auth: { type: 'basic', username: 'u', password: 'p' },
      tls: { ca: '/etc/ca.pem', insecureSkipVerify: true },
      timeoutMs: 2500,
    });
    expect(config.sources[1]).toMatchObject({
      partialResponse: true,
      dedup: false,
      auth: { type: 'bearer', token: 't' },
    });
    expect(config.history).toEqual({ rangeSeconds: 43200, maxPoints: 60 });
  });

  it.each([
    [
      { sources: [{ ...prom, type: 'graphite' }] },
      'fleet.health.sources[0].type "graphite" is not one of prometheus, thanos, mimir, victoriametrics',
    ],
    [
      { sources: [{ ...prom, url: 'prom:9090' }] },
      'fleet.health.sources[0].url must be http or https',
    ],
    [
      { sources: [{ ...prom, url: 'not a url' }] },
      'fleet.health.sources[0].url "not a url" is not a URL',
    ],
    [
      { sources: [{ ...prom, type: 'mimir' }] },
      'fleet.health.sources[0].tenant is required for a mimir source',
    ],
    [
      { sources: [prom, prom] },
      'fleet.health.sources: the name "central" is used twice',
    ],
    [
      {
        sources: [
          { ...prom, auth: { token: 't', username: 'u', password: 'p' } },
        ],
      },
      'fleet.health.sources[0].auth: set either token or username and password, not both',
    ],
    [
      { sources: [{ ...prom, auth: { username: 'u' } }] },
      'fleet.health.sources[0].auth: username and password go together',
    ],
    [
      { sources: [{ ...prom, tls: { cert: '/c.pem' } }] },
      'fleet.health.sources[0].tls: cert and key go together',
    ],
    [
      { sources: [{ ...prom, clusterLabel: 'k8s-cluster' }] },
      'fleet.health.sources[0].clusterLabel "k8s-cluster" is not a Prometheus label name',
    ],
    [
      { sources: [{ ...prom, timeoutSeconds: 0 }] },
      'fleet.health.sources[0].timeoutSeconds must be positive',
    ],
    [
      { sources: [prom], signals: { 'cni-health': { source: 'nope' } } },
      'fleet.health.signals.cni-health.source: no metrics source named "nope" in fleet.health.sources',
    ],
    [
      { sources: [prom], signals: { 'cni-health': { direction: 'sideways' } } },
      'fleet.health.signals.cni-health.direction must be "above" or "below"',
    ],
    [
      { sources: [prom], history: { range: '6 hours' } },
      'fleet.health.history.range "6 hours" is not a duration such as 30m, 6h or 2d',
    ],
    [
      { sources: [prom], cacheSeconds: -1 },
      'fleet.health.cacheSeconds must be 0 or more',
    ],
  ])('rejects %j naming the field', (health, message) => {
    expect(() => read(health)).toThrow(message);
  });
});
