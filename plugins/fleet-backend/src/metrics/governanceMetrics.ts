import {
  ClusterLifecycle,
  GovernanceFindingCode,
  LIFECYCLE_STATUSES,
} from '@fleet-portal/plugin-fleet-common';
import { Gauge } from 'prom-client';
import { MetricFamily } from './exposition';

const CLUSTER_LABELS = ['cluster', 'owner', 'environment'] as const;

function countFindings(
  cluster: ClusterLifecycle,
  codes: readonly GovernanceFindingCode[],
): number {
  return cluster.findings.filter(finding => codes.includes(finding.code))
    .length;
}

/** A gauge with one series per cluster, so that a resolved problem shows as 0 rather than vanishing. */
function perClusterGauge(
  name: string,
  help: string,
  value: (cluster: ClusterLifecycle) => number,
  clusters: readonly ClusterLifecycle[],
): MetricFamily {
  return registry => {
    const gauge = new Gauge({
      name,
      help,
      labelNames: CLUSTER_LABELS,
      registers: [registry],
    });
    for (const cluster of clusters) {
      gauge.set(
        {
          cluster: cluster.name,
          owner: cluster.owner ?? '',
          environment: cluster.environment ?? '',
        },
        value(cluster),
      );
    }
  };
}

function statusTotals(clusters: readonly ClusterLifecycle[]): MetricFamily {
  return registry => {
    const gauge = new Gauge({
      name: 'fleet_clusters',
      help: 'Clusters in the catalog by lifecycle status.',
      labelNames: ['status'],
      registers: [registry],
    });
    for (const status of LIFECYCLE_STATUSES) {
      gauge.set({ status }, 0);
    }
    for (const cluster of clusters) {
      gauge.inc({ status: cluster.status });
    }
  };
}

/**
 * One cluster per `cluster` label value. When entities share a name — a copy registered from
 * another location or namespace, or a management plane's own entity until it yields — the governed
 * one speaks for the name, else the one in the default namespace (the platform repository's), so a
 * copy can neither raise nor hide the real cluster's alerts.
 */
function onePerName(clusters: readonly ClusterLifecycle[]): ClusterLifecycle[] {
  const rank = (c: ClusterLifecycle) =>
    (c.governed ? 2 : 0) +
    (c.entityRef.startsWith('resource:default/') ? 1 : 0);
  const byName = new Map<string, ClusterLifecycle>();
  for (const cluster of clusters) {
    const held = byName.get(cluster.name);
    if (!held || rank(cluster) > rank(held)) {
      byName.set(cluster.name, cluster);
    }
  }
  return [...byName.values()];
}

/** The governance gauges of the fleet's lifecycle view. */
export function governanceMetricFamilies(
  allClusters: readonly ClusterLifecycle[],
): MetricFamily[] {
  const clusters = onePerName(allClusters);
  return [
    perClusterGauge(
      'fleet_cluster_review_overdue',
      '1 when the cluster is past its review-by date.',
      c => Number(c.status === 'review-overdue'),
      clusters,
    ),
    perClusterGauge(
      'fleet_cluster_retired',
      '1 when the cluster is past its retire-by date and still in the inventory.',
      c => Number(c.status === 'retired'),
      clusters,
    ),
    perClusterGauge(
      'fleet_cluster_ungoverned',
      '1 when the cluster is not from the platform repository, lacks the governed set of fields or is opted out of governance.',
      c => Number(!c.governed),
      clusters,
    ),
    perClusterGauge(
      'fleet_cluster_profile_behind',
      "1 when the cluster is not on its profile's current version.",
      c =>
        Number(
          countFindings(c, [
            'profile-version-behind',
            'profile-version-not-allowed',
          ]) > 0,
        ),
      clusters,
    ),
    perClusterGauge(
      'fleet_cluster_cidr_conflicts',
      "Overlaps of this cluster's pod or service CIDRs with another cluster's.",
      c => countFindings(c, ['cidr-overlap']),
      clusters,
    ),
    statusTotals(allClusters),
  ];
}
