// A fleet whose metrics put every default signal in every state, for the integration tests
// against real Prometheus and VictoriaMetrics servers.

import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/config';
import { HealthConfig, readHealthConfig } from '../health/config';
import {
  HealthCatalogCluster,
  ProfileComponentRef,
} from '../health/fleetSnapshot';
import { ClusterMetricsSpec, clusterSeries } from './clusterMetrics';
import { PushSeries } from './metricsServers';

/** Every default signal at its warning level. */
export const WARNING_LEVEL: Omit<ClusterMetricsSpec, 'cluster'> = {
  apiserverUp: [1, 1, 0],
  notReadyNodes: 1,
  pressureNodes: 1,
  unschedulableNodes: 1,
  restarts: 6,
  failedVolumes: 1,
  certificateDays: [10, 60],
  argoOutOfSync: 1,
  admissionUp: [1, 1, 0],
  gatekeeperViolations: 3,
  unreachableNodes: 1,
  backupAgeHours: [30, 4],
  kubernetesVersion: 'v1.30.2',
};

/** Every default signal at its critical level. */
export const CRITICAL_LEVEL: Omit<ClusterMetricsSpec, 'cluster'> = {
  apiserverUp: [1, 0, 0],
  notReadyNodes: 5,
  pressureNodes: 3,
  unschedulableNodes: 3,
  restarts: 30,
  failedVolumes: 1,
  lostClaims: 1,
  pendingClaims: 1,
  certificateDays: [5, 60],
  argoOutOfSync: 3,
  fluxNotReady: 2,
  admissionUp: [0, 0, 0],
  gatekeeperViolations: 30,
  unreachableNodes: 2,
  backupAgeHours: [72, 4],
  kubernetesVersion: 'v1.29.0',
};

export const SCENARIO_PROFILE_KUBERNETES = {
  version: '1.31.4',
  allowedRange: '>=1.30.0 <1.32.0',
};

/** The components of the scenario's profile: every default signal applies, except Calico's. */
export const SCENARIO_COMPONENTS: ProfileComponentRef[] = [
  { name: 'cilium', role: 'cni' },
  { name: 'cert-manager', role: 'certificates' },
  { name: 'argo-cd', role: 'gitops' },
  { name: 'flux', role: 'gitops' },
  { name: 'gatekeeper', role: 'admission' },
  { name: 'kyverno', role: 'admission' },
  { name: 'velero', role: 'backup' },
];

/** The edge profile's components: Calico instead of Cilium. */
export const SCENARIO_EDGE_COMPONENTS: ProfileComponentRef[] =
  SCENARIO_COMPONENTS.map(component =>
    component.name === 'cilium' ? { name: 'calico', role: 'cni' } : component,
  );

export function catalogCluster(name: string): HealthCatalogCluster {
  return withComponents(name, SCENARIO_COMPONENTS);
}

function withComponents(
  name: string,
  components: readonly ProfileComponentRef[],
): HealthCatalogCluster {
  return {
    name,
    entityRef: `resource:default/${name}`,
    environment: 'production',
    profileRef: 'clusterprofile:default/production',
    owner: 'group:default/team-platform',
    components,
    kubernetes: SCENARIO_PROFILE_KUBERNETES,
  };
}

/** Seconds the stale cluster's samples lag behind the others. */
export const STALE_LAG_SECONDS = 180;

/**
 * The scenario's clusters: `ok`, `warn` (its series lack `site`), `crit`, `bare` (only the API
 * server), `stale` (samples 180 s old), `nan` (a NaN backup timestamp), `silent` (in the catalog,
 * no metrics), `ghost` (metrics, no catalog entity) and `edge` (Calico instead of Cilium, its
 * dataplane failing at the critical level).
 */
export function scenarioSeries(nowMs: number): PushSeries[] {
  return [
    ...clusterSeries({ cluster: 'ok' }, nowMs),
    ...clusterSeries(
      { cluster: 'warn', ...WARNING_LEVEL, labels: { site: '' } },
      nowMs,
    ),
    ...clusterSeries({ cluster: 'crit', ...CRITICAL_LEVEL }, nowMs),
    ...clusterSeries(
      {
        cluster: 'bare',
        without: [
          'kube-state-metrics',
          'cert-manager',
          'argocd',
          'flux',
          'gatekeeper',
          'kyverno',
          'cilium',
          'velero',
        ],
      },
      nowMs,
    ),
    ...clusterSeries({ cluster: 'stale' }, nowMs - STALE_LAG_SECONDS * 1000),
    ...clusterSeries({ cluster: 'nan', backupAgeHours: [NaN] }, nowMs),
    ...clusterSeries({ cluster: 'ghost' }, nowMs),
    ...clusterSeries(
      { cluster: 'edge', cni: 'calico', calicoDataplaneFailures: 12 },
      nowMs,
    ),
  ];
}

export const SCENARIO_CATALOG: HealthCatalogCluster[] = [
  'ok',
  'warn',
  'crit',
  'bare',
  'stale',
  'nan',
  'silent',
]
  .map(catalogCluster)
  .concat(withComponents('edge', SCENARIO_EDGE_COMPONENTS));

/** `fleet.health` config data with one source. */
export function healthConfigData(
  source: JsonObject,
  extra: JsonObject = {},
): JsonObject {
  return {
    fleet: {
      health: {
        sources: [{ name: 'central', type: 'prometheus', ...source }],
        maxSampleAgeSeconds: 120,
        ...extra,
      },
    },
  };
}

export function healthConfig(
  source: JsonObject,
  extra: JsonObject = {},
): HealthConfig {
  return readHealthConfig(new ConfigReader(healthConfigData(source, extra)))!;
}
