import { ConfigReader, JsonObject } from '@backstage/config';
import { readHealthConfig } from './config';
import { DEFAULT_SIGNALS, resolveSignals } from './signals';

function signals(signalConfig: JsonObject, clusterLabel?: string) {
  const config = readHealthConfig(
    new ConfigReader({
      fleet: {
        health: {
          sources: [
            {
              name: 'central',
              type: 'prometheus',
              url: 'http://p',
              ...(clusterLabel ? { clusterLabel } : {}),
            },
            { name: 'edge', type: 'victoriametrics', url: 'http://v' },
          ],
          signals: signalConfig,
        },
      },
    }),
  )!;
  return resolveSignals(config);
}

describe('resolveSignals', () => {
  it('aggregates every default query by the cluster label, for the whole fleet', () => {
    for (const signal of signals({}, 'k8s_cluster')) {
      expect(signal.query).toMatch(/^(avg|sum|min|max) by \(k8s_cluster\) \(/);
      expect(signal.query).not.toContain('$');
      expect(signal.query).toContain('k8s_cluster!=""');
      expect(signal.clusterQuery!('prd-01')).toContain('k8s_cluster="prd-01"');
      expect(signal.clusterQuery!('prd-01')).not.toContain('k8s_cluster!=""');
    }
  });

  it('quotes the cluster of a history query as a PromQL string', () => {
    const [apiserver] = signals({});
    expect(apiserver.clusterQuery!('a"b')).toBe(
      'avg by (cluster) (up{job="apiserver",cluster="a\\"b"})',
    );
  });

  it('has one default per signal of the issue, each with thresholds in order', () => {
    expect(DEFAULT_SIGNALS.map(s => s.id)).toEqual([
      'apiserver-availability',
      'node-readiness',
      'node-pressure',
      'unschedulable-nodes',
      'container-restarts',
      'volume-failures',
      'certificate-expiry',
      'gitops-sync',
      'admission-controller',
      'admission-violations',
      'cni-health',
      'cni-calico',
      'backup-freshness',
    ]);
  });

  it('names the profile components each component signal applies to', () => {
    const byId = new Map(signals({}).map(s => [s.id, s]));
    expect(byId.get('cni-health')).toMatchObject({
      appliesTo: ['cilium'],
      role: 'cni',
    });
    expect(byId.get('cni-calico')).toMatchObject({
      appliesTo: ['calico'],
      role: 'cni',
      unit: 'failures',
    });
    expect(byId.get('cni-calico')!.query).toBe(
      'sum by (cluster) (increase(felix_int_dataplane_failures{cluster!=""}[1h]) or felix_cluster_num_hosts{cluster!=""} * 0)',
    );
    expect(byId.get('admission-controller')!.appliesTo).toEqual([
      'gatekeeper',
      'kyverno',
    ]);
    expect(byId.get('gitops-sync')!.appliesTo).toEqual(['argo-cd', 'flux']);
    expect(byId.get('node-readiness')!.appliesTo).toBeUndefined();
  });

  it('lets config name the components of a signal, or apply it everywhere', () => {
    const byId = new Map(
      signals({
        'backup-freshness': { appliesTo: [] },
        'ingress-errors': {
          query: 'sum by (cluster) (nginx_errors)',
          warning: 1,
          appliesTo: ['Ingress-NGINX'],
        },
      }).map(s => [s.id, s]),
    );
    expect(byId.get('backup-freshness')!.appliesTo).toBeUndefined();
    expect(byId.get('ingress-errors')!.appliesTo).toEqual(['ingress-nginx']);
  });

  it('applies overrides: thresholds, query, source, disabling, new signals', () => {
    const resolved = signals({
      'certificate-expiry': { warning: 30, critical: 10 },
      'cni-health': { enabled: false },
      'backup-freshness': { source: 'edge' },
      'ingress-errors': {
        query:
          'sum by (cluster) (rate(nginx_ingress_controller_requests{status=~"5.."}[5m]))',
        warning: 1,
        critical: 10,
        unit: 'requests/s',
      },
    });
    const byId = new Map(resolved.map(s => [s.id, s]));
    expect(byId.has('cni-health')).toBe(false);
    expect(byId.get('certificate-expiry')!.thresholds).toEqual({
      direction: 'below',
      warning: 30,
      critical: 10,
    });
    expect(byId.get('backup-freshness')!.source).toBe('edge');
    expect(byId.get('ingress-errors')).toMatchObject({
      title: 'ingress-errors',
      unit: 'requests/s',
      thresholds: { direction: 'above', warning: 1, critical: 10 },
      source: 'central',
    });
    // Without $filter a configured query has no per-cluster form.
    expect(byId.get('ingress-errors')!.clusterQuery).toBeUndefined();
  });

  it.each([
    [
      { 'my-signal': { warning: 1 } },
      'fleet.health.signals.my-signal.query is required for a signal that is not a default',
    ],
    [
      { 'certificate-expiry': { warning: 5, critical: 10 } },
      'fleet.health.signals.certificate-expiry: warning 5 must come before critical 10 (direction below)',
    ],
    [
      { 'my-signal': { query: 'up' } },
      'fleet.health.signals.my-signal: set at least one of warning and critical',
    ],
  ])('rejects %j naming the field', (config, message) => {
    expect(() => signals(config)).toThrow(message);
  });
});
