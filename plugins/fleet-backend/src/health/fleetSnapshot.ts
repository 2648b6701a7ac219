import {
  ClusterHealth,
  FleetHealthSnapshot,
  HEALTH_STATUS_ORDER,
  HealthStatus,
  LabelCoverage,
  SignalVerdict,
  VersionDrift,
} from '@fleet-portal/plugin-fleet-common';
import { ClusterValues, MetricsRound } from './metricsRound';
import { ResolvedSignal, signalDefinition } from './signals';
import { judgeValue, unknownVerdict, worstOf } from './verdict';
import { compareVersions } from '@fleet-portal/plugin-fleet-common';
import { satisfiesRange } from './kpi/versionRange';

/** What the health views need of a catalog cluster; `name` is the value of the cluster label. */
export type HealthCatalogCluster = {
  name: string;
  entityRef: string;
  environment?: string;
  profileRef?: string;
  kubernetes?: { version?: string; allowedRange?: string };
};

export type SnapshotSettings = {
  maxSampleAgeSeconds: number;
  cacheSeconds: number;
  requiredLabels: readonly string[];
};

function formatAge(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** The verdict of one signal for one cluster from what the round returned. */
export function verdictFor(
  signal: ResolvedSignal,
  cluster: string,
  round: MetricsRound,
  maxSampleAgeSeconds: number,
): SignalVerdict {
  const result = round.signals.get(signal.id);
  if (!result || !result.ok) {
    return unknownVerdict(
      signal,
      `Metrics source ${signal.source} failed: ${
        result && !result.ok ? result.error : 'not queried'
      }`,
    );
  }
  if (result.warnings.length > 0) {
    return unknownVerdict(
      signal,
      `Metrics source ${
        signal.source
      } answered with a partial response (${result.warnings.join(
        '; ',
      )}); the value could be incomplete`,
    );
  }
  const freshness = round.freshness.get(signal.source);
  const newest =
    freshness?.ok && freshness.warnings.length === 0
      ? freshness.byCluster.get(cluster)
      : undefined;
  const sample = result.byCluster.get(cluster);
  if (newest !== undefined) {
    const age = round.time.getTime() / 1000 - newest;
    if (age > maxSampleAgeSeconds) {
      return unknownVerdict(
        signal,
        `Stale data: the newest sample of this cluster in ${
          signal.source
        } is ${formatAge(age)} old (max age ${formatAge(maxSampleAgeSeconds)})`,
        new Date(newest * 1000),
      );
    }
  }
  if (!sample) {
    return unknownVerdict(
      signal,
      `No series for this cluster from ${signal.source}: the query returned nothing for it (exporter missing or not remote-writing)`,
      newest !== undefined ? new Date(newest * 1000) : undefined,
    );
  }
  return judgeValue(
    signal,
    sample.value,
    new Date((newest ?? sample.time) * 1000),
  );
}

function clustersIn<T>(values: ClusterValues<T> | undefined): string[] {
  return values?.ok ? [...values.byCluster.keys()] : [];
}

/** Every cluster that reported anything in the round. */
export function reportingClusters(round: MetricsRound): Set<string> {
  const names = new Set<string>();
  for (const values of round.signals.values()) {
    clustersIn(values).forEach(n => names.add(n));
  }
  for (const values of round.freshness.values()) {
    clustersIn(values).forEach(n => names.add(n));
  }
  clustersIn(round.labelContract).forEach(n => names.add(n));
  clustersIn(round.kubernetesVersions).forEach(n => names.add(n));
  return names;
}

export function clusterHealth(
  cluster: string,
  catalog: HealthCatalogCluster | undefined,
  signals: readonly ResolvedSignal[],
  round: MetricsRound,
  maxSampleAgeSeconds: number,
): ClusterHealth {
  const verdicts = signals.map(signal =>
    verdictFor(signal, cluster, round, maxSampleAgeSeconds),
  );
  return {
    cluster,
    ...(catalog
      ? {
          entityRef: catalog.entityRef,
          ...(catalog.environment ? { environment: catalog.environment } : {}),
        }
      : {}),
    ...worstOf(verdicts),
    signals: verdicts,
  };
}

export function labelCoverageOf(
  cluster: string,
  round: MetricsRound,
  requiredLabels: readonly string[],
): LabelCoverage | undefined {
  const result = round.labelContract;
  if (!result?.ok || result.warnings.length > 0) return undefined;
  const counts = result.byCluster.get(cluster);
  if (!counts || counts.series === 0) return undefined;
  return {
    cluster,
    series: counts.series,
    share: counts.complete / counts.series,
    missingLabels: requiredLabels.filter(
      label => (counts.missing[label] ?? 0) > 0,
    ),
  };
}

export function driftOf(
  cluster: string,
  catalog: HealthCatalogCluster | undefined,
  round: MetricsRound,
): VersionDrift[] {
  const result = round.kubernetesVersions;
  const pinned = catalog?.kubernetes?.version;
  if (!catalog || !pinned || !result?.ok || result.warnings.length > 0) {
    return [];
  }
  const drift: VersionDrift[] = [];
  for (const observed of result.byCluster.get(cluster) ?? []) {
    if (compareVersions(observed, pinned) === 0) continue;
    const range = catalog.kubernetes?.allowedRange;
    const within = range ? satisfiesRange(observed, range) : undefined;
    drift.push({
      cluster,
      entityRef: catalog.entityRef,
      component: 'kubernetes',
      observed,
      pinned,
      ...(catalog.profileRef ? { profileRef: catalog.profileRef } : {}),
      ...(range ? { allowedRange: range } : {}),
      ...(within !== undefined ? { withinAllowedRange: within } : {}),
    });
  }
  return drift;
}

/**
 * The fleet as one principal sees it: every catalog cluster they can see, and every cluster that
 * reports metrics but has no catalog entity at all (`registered` holds the names of all of them,
 * whoever may see them, so that a hidden cluster is not shown as unregistered).
 */
export function buildFleetSnapshot(
  round: MetricsRound,
  signals: readonly ResolvedSignal[],
  visible: readonly HealthCatalogCluster[],
  registered: ReadonlySet<string>,
  settings: SnapshotSettings,
): FleetHealthSnapshot {
  const unregistered = [...reportingClusters(round)]
    .filter(name => !registered.has(name))
    .sort();
  const clusters: ClusterHealth[] = [
    ...visible.map(c =>
      clusterHealth(c.name, c, signals, round, settings.maxSampleAgeSeconds),
    ),
    ...unregistered.map(name =>
      clusterHealth(
        name,
        undefined,
        signals,
        round,
        settings.maxSampleAgeSeconds,
      ),
    ),
  ];
  const labelCoverage = [...visible.map(c => c.name), ...unregistered]
    .map(name => labelCoverageOf(name, round, settings.requiredLabels))
    .filter((c): c is LabelCoverage => c !== undefined);
  const drift = visible.flatMap(c => driftOf(c.name, c, round));

  const byStatus = Object.fromEntries(
    HEALTH_STATUS_ORDER.map(s => [s, 0]),
  ) as Record<HealthStatus, number>;
  for (const cluster of clusters) byStatus[cluster.status]++;
  const series = labelCoverage.reduce((sum, c) => sum + c.series, 0);
  const complete = labelCoverage.reduce(
    (sum, c) => sum + c.share * c.series,
    0,
  );

  return {
    generatedAt: round.time.toISOString(),
    maxAgeSeconds: settings.cacheSeconds,
    sources: round.sources,
    signals: signals.map(signalDefinition),
    clusters,
    unregistered,
    labelCoverage,
    drift,
    kpis: {
      clusters: clusters.length,
      byStatus,
      ...(series > 0 ? { labelCoverage: complete / series } : {}),
      unregistered: unregistered.length,
      drifted: new Set(drift.map(d => d.cluster)).size,
    },
  };
}
