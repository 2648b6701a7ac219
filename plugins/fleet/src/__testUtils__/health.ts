import {
  SIGNAL_STATUS_CODES,
  type ClusterHealth,
  type ClusterHealthDetail,
  type FleetHealthGrid,
  type FleetHealthSnapshot,
  type FleetHealthSummary,
  type HealthClusterPage,
  type MetricsSourceState,
  type SignalDefinition,
  type SignalVerdict,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetHealthApi } from '../api/FleetHealthApi';

export const SOURCE = 'prometheus-demo';

export const signalDefinitions: SignalDefinition[] = [
  {
    id: 'apiserver-availability',
    title: 'API server availability',
    description: 'Share of API server requests that did not fail',
    unit: 'ratio',
    query: 'sum by (cluster) (...)',
    thresholds: { direction: 'below', warning: 0.99, critical: 0.95 },
    source: SOURCE,
  },
  {
    id: 'certificate-expiry',
    title: 'Certificate expiry',
    description: 'Days until the first cert-manager certificate expires',
    unit: 'days',
    query: 'min by (cluster) (...)',
    thresholds: { direction: 'below', warning: 14, critical: 7 },
    source: SOURCE,
  },
  {
    id: 'nodes-not-ready',
    title: 'Nodes not ready',
    description: 'Nodes whose Ready condition is not true',
    unit: 'count',
    query: 'sum by (cluster) (...)',
    thresholds: { direction: 'above', warning: 0, critical: 1 },
    source: SOURCE,
  },
];

const sampleTime = '2026-05-01T10:00:00.000Z';

export function verdict(
  signal: string,
  overrides: Partial<SignalVerdict> = {},
): SignalVerdict {
  return {
    signal,
    status: 'ok',
    value: {
      'apiserver-availability': 0.9995,
      'certificate-expiry': 60,
      'nodes-not-ready': 0,
    }[signal],
    reason: `${signal} is within its thresholds`,
    sampleTime,
    source: SOURCE,
    ...overrides,
  };
}

export const okSignals = () => signalDefinitions.map(d => verdict(d.id));

export const upSource: MetricsSourceState = {
  name: SOURCE,
  type: 'prometheus',
  status: 'up',
};

export const downSource: MetricsSourceState = {
  name: SOURCE,
  type: 'prometheus',
  status: 'down',
  message: 'connect ECONNREFUSED 127.0.0.1:9090',
};

export function clusterHealthDetail(
  overrides: Partial<ClusterHealthDetail> = {},
): ClusterHealthDetail {
  const signals = overrides.signals ?? okSignals();
  return {
    cluster: 'prd-euw1-payments-01',
    entityRef: 'resource:default/prd-euw1-payments-01',
    environment: 'production',
    status: 'ok',
    signals,
    generatedAt: sampleTime,
    sources: [upSource],
    signalDefinitions,
    history: Object.fromEntries(
      signals.map(s => [
        s.signal,
        [0, 1, 2].map(i => ({
          time: `2026-05-01T0${7 + i}:00:00.000Z`,
          value: (s.value ?? 0) + i,
        })),
      ]),
    ),
    historyRange: '6h',
    labelCoverage: {
      cluster: 'prd-euw1-payments-01',
      series: 120,
      share: 1,
      missingLabels: [],
    },
    drift: [],
    ...overrides,
  };
}

/** A cluster where the certificate expires in 5 days. */
export function criticalCertificateDetail(): ClusterHealthDetail {
  return clusterHealthDetail({
    status: 'critical',
    worstSignal: 'certificate-expiry',
    signals: [
      verdict('apiserver-availability'),
      verdict('certificate-expiry', {
        status: 'critical',
        value: 5,
        threshold: 7,
        reason:
          'A certificate expires in 5 days, below the critical threshold of 7 days',
      }),
      verdict('nodes-not-ready'),
    ],
  });
}

/** The source is down: every verdict unknown, no value. */
export function sourceDownDetail(): ClusterHealthDetail {
  return clusterHealthDetail({
    status: 'unknown',
    worstSignal: 'apiserver-availability',
    sources: [downSource],
    history: {},
    signals: signalDefinitions.map(d => ({
      signal: d.id,
      status: 'unknown' as const,
      reason: `Metrics source ${SOURCE} is unavailable: connect ECONNREFUSED 127.0.0.1:9090`,
      source: SOURCE,
    })),
  });
}

export function clusterHealth(
  name: string,
  overrides: Partial<ClusterHealth> = {},
): ClusterHealth {
  return {
    cluster: name,
    entityRef: `resource:default/${name}`,
    environment: 'production',
    status: 'ok',
    signals: okSignals(),
    ...overrides,
  };
}

export function fleetSnapshot(
  overrides: Partial<FleetHealthSnapshot> = {},
): FleetHealthSnapshot {
  const critical = criticalCertificateDetail();
  const clusters: ClusterHealth[] = [
    clusterHealth('prd-euw1-payments-01', {
      status: 'critical',
      worstSignal: 'certificate-expiry',
      signals: critical.signals,
    }),
    clusterHealth('prd-euw1-checkout-01'),
    clusterHealth('stg-euw1-checkout-01', { environment: 'staging' }),
    {
      cluster: 'legacy-ams-01',
      status: 'unknown',
      worstSignal: 'certificate-expiry',
      signals: [
        verdict('certificate-expiry', {
          status: 'unknown',
          value: undefined,
          reason: 'No series for this cluster',
        }),
      ],
    },
  ];
  return {
    generatedAt: sampleTime,
    maxAgeSeconds: 30,
    sources: [upSource],
    signals: signalDefinitions,
    clusters,
    unregistered: ['legacy-ams-01'],
    labelCoverage: [
      {
        cluster: 'edg-ber01-store-01',
        series: 200,
        share: 0.8,
        missingLabels: ['site'],
      },
    ],
    drift: [
      {
        cluster: 'prd-euw1-checkout-01',
        entityRef: 'resource:default/prd-euw1-checkout-01',
        component: 'kubernetes',
        observed: '1.30.2',
        pinned: '1.31.4',
        profileRef: 'clusterprofile:default/production',
        allowedRange: '>=1.30.0 <1.32.0',
        withinAllowedRange: true,
      },
    ],
    kpis: {
      clusters: 4,
      byStatus: { critical: 1, warning: 0, unknown: 1, ok: 2 },
      labelCoverage: 0.97,
      unregistered: 1,
      drifted: 1,
    },
    ...overrides,
  };
}

/** The summary the backend gives for `fleetSnapshot()`. */
export function fleetSummary(
  overrides: Partial<FleetHealthSummary> = {},
): FleetHealthSummary {
  const snapshot = fleetSnapshot();
  return {
    generatedAt: snapshot.generatedAt,
    maxAgeSeconds: snapshot.maxAgeSeconds,
    sources: snapshot.sources,
    signals: snapshot.signals,
    kpis: snapshot.kpis,
    environments: [
      {
        environment: 'production',
        total: 2,
        byStatus: { critical: 1, warning: 0, unknown: 0, ok: 1 },
      },
      {
        total: 1,
        byStatus: { critical: 0, warning: 0, unknown: 1, ok: 0 },
      },
      {
        environment: 'staging',
        total: 1,
        byStatus: { critical: 0, warning: 0, unknown: 0, ok: 1 },
      },
    ],
    facets: {
      environment: ['production', 'staging'],
      profile: ['clusterprofile:default/production'],
      owner: ['group:default/team-checkout', 'group:default/team-payments'],
    },
    unregistered: { total: 1, names: snapshot.unregistered },
    drift: { total: 1, items: snapshot.drift },
    labelCoverage: {
      measured: 4,
      incompleteTotal: 1,
      incomplete: snapshot.labelCoverage,
    },
    ...overrides,
  };
}

/** The clusters of `fleetSnapshot()` in the backend's default order: worst first. */
export function worstFirst(): ClusterHealth[] {
  const [payments, checkout, staging, legacy] = fleetSnapshot().clusters;
  return [payments, legacy, checkout, staging];
}

/** A page as GET /health/clusters gives it. */
export function healthPage(
  items: ClusterHealth[] = worstFirst(),
  overrides: Partial<HealthClusterPage> = {},
): HealthClusterPage {
  return {
    generatedAt: sampleTime,
    items,
    totalItems: items.length,
    offset: 0,
    limit: 50,
    ...overrides,
  };
}

/** A grid chunk of `clusters` as GET /health/grid gives it. */
export function healthGrid(
  clusters: ClusterHealth[] = worstFirst(),
  overrides: Partial<FleetHealthGrid> = {},
): FleetHealthGrid {
  const signals = signalDefinitions.map(d => d.id);
  const environments = [
    ...new Set(clusters.flatMap(c => (c.environment ? [c.environment] : []))),
  ];
  const code = (c: ClusterHealth, id: string) =>
    SIGNAL_STATUS_CODES[
      c.signals.find(v => v.signal === id)?.status ?? 'unknown'
    ];
  return {
    generatedAt: sampleTime,
    signals,
    titles: signalDefinitions.map(d => d.title),
    totalItems: clusters.length,
    offset: 0,
    limit: 1000,
    clusters: clusters.map(c => c.cluster),
    entityRefs: clusters.map(c => c.entityRef ?? null),
    environment: clusters.map(c =>
      c.environment ? environments.indexOf(c.environment) : -1,
    ),
    environments,
    status: clusters.map(c => SIGNAL_STATUS_CODES[c.status]).join(''),
    cells: clusters.map(c => signals.map(id => code(c, id)).join('')).join(''),
    overview: clusters.map(c => SIGNAL_STATUS_CODES[c.status]).join(''),
    ...overrides,
  };
}

export function mockFleetHealthApi(
  overrides: Partial<FleetHealthApi> = {},
): jest.Mocked<FleetHealthApi> {
  return {
    getSummary: jest.fn(),
    listClusters: jest.fn(),
    getGrid: jest.fn(),
    getFleetHealth: jest.fn(),
    getClusterHealth: jest.fn(),
    ...overrides,
  } as jest.Mocked<FleetHealthApi>;
}
