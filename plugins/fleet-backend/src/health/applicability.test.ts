import { ConfigReader } from '@backstage/config';
import { readHealthConfig } from './config';
import {
  clusterHealth,
  HealthCatalogCluster,
  ProfileComponentRef,
  verdictFor,
} from './fleetSnapshot';
import { MetricsRound } from './metricsRound';
import { resolveSignals } from './signals';

const NOW = new Date('2026-11-22T10:00:00Z');
const T = NOW.getTime() / 1000 - 30;

const signals = resolveSignals(
  readHealthConfig(
    new ConfigReader({
      fleet: {
        health: {
          sources: [{ name: 'central', type: 'prometheus', url: 'http://p' }],
          signals: {
            // a configured signal without a role: a profile without the component rules it out
            'ingress-errors': {
              query: 'sum by (cluster) (nginx_errors)',
              warning: 1,
              appliesTo: ['ingress-nginx'],
            },
          },
        },
      },
    }),
  )!,
);
const byId = (id: string) => signals.find(s => s.id === id)!;

/** The CNI series: `cilium-01` reports Cilium's and `calico-01` Calico's, nothing else. */
const reporting: Record<
  string,
  Array<[string, { value: number; time: number }]>
> = {
  'cni-calico': [['calico-01', { value: 0, time: T }]],
  'cni-health': [['cilium-01', { value: 0, time: T }]],
};

/** A round in which `cilium-01` reports Cilium's series and `calico-01` Calico's. */
const round: MetricsRound = {
  time: NOW,
  sources: [{ name: 'central', type: 'prometheus', status: 'up' }],
  signals: new Map(
    signals.map(signal => [
      signal.id,
      {
        ok: true,
        warnings: [],
        byCluster: new Map(reporting[signal.id] ?? []),
      },
    ]),
  ),
  freshness: new Map([
    [
      'central',
      {
        ok: true,
        warnings: [],
        byCluster: new Map([
          ['cilium-01', T],
          ['calico-01', T],
        ]),
      },
    ],
  ]),
};

function cluster(
  name: string,
  components?: ProfileComponentRef[],
): HealthCatalogCluster {
  return {
    name,
    entityRef: `resource:default/${name}`,
    profileRef: 'clusterprofile:default/edge',
    ...(components ? { components } : {}),
  };
}

const verdict = (
  id: string,
  name: string,
  catalog: HealthCatalogCluster | undefined,
) => verdictFor(byId(id), name, round, 600, catalog, signals);

describe('signals that apply to profile components', () => {
  const calicoProfile = [
    { name: 'calico', role: 'cni' },
    { name: 'kyverno', role: 'admission' },
  ];

  it('is not applicable when the profile runs another component in its role', () => {
    expect(
      verdict('cni-health', 'calico-01', cluster('calico-01', calicoProfile)),
    ).toEqual({
      signal: 'cni-health',
      source: 'central',
      status: 'not-applicable',
      reason:
        'Not applicable: its profile clusterprofile:default/edge runs calico as its cni, not cilium',
    });
  });

  it('judges the component the profile runs from its own series', () => {
    expect(
      verdict('cni-calico', 'calico-01', cluster('calico-01', calicoProfile)),
    ).toMatchObject({ status: 'ok', value: 0 });
  });

  it('judges as usual when the profile pins nothing in the role', () => {
    // no backup component: the profile does not say, and there is no series: unknown
    expect(
      verdict(
        'backup-freshness',
        'calico-01',
        cluster('calico-01', calicoProfile),
      ),
    ).toMatchObject({
      status: 'unknown',
      reason: expect.stringMatching(/^No series for this cluster/),
    });
  });

  it('is not applicable for a signal without a role when the profile lacks its component', () => {
    expect(
      verdict(
        'ingress-errors',
        'calico-01',
        cluster('calico-01', calicoProfile),
      ),
    ).toMatchObject({
      status: 'not-applicable',
      reason:
        'Not applicable: its profile clusterprofile:default/edge has no ingress-nginx',
    });
  });

  it('infers the CNI of a cluster without a known profile from the series it reports', () => {
    expect(verdict('cni-calico', 'cilium-01', cluster('cilium-01'))).toEqual(
      expect.objectContaining({
        status: 'not-applicable',
        reason:
          'Not applicable: the cluster reports CNI health (Cilium) instead (its profile is not known)',
      }),
    );
    // ... and says so when it reports neither
    expect(verdict('cni-calico', 'silent-01', undefined)).toMatchObject({
      status: 'unknown',
      reason: expect.stringContaining(
        'whether the cluster runs calico is not known (no profile known)',
      ),
    });
  });

  it('leaves not-applicable signals out of the cluster status', () => {
    const health = clusterHealth(
      'calico-01',
      cluster('calico-01', [
        { name: 'calico', role: 'cni' },
        { name: 'cert-manager', role: 'certificates' },
      ]),
      [byId('cni-health'), byId('cni-calico')],
      round,
      600,
    );
    expect(health.status).toBe('ok');
    expect(health.signals.map(v => v.status)).toEqual(['not-applicable', 'ok']);
  });
});
