import {
  ClusterHealth,
  FleetHealthKpis,
  FleetHealthSnapshot,
  HEALTH_STATUS_ORDER,
  HealthStatus,
  LabelCoverage,
  SignalStatus,
  SignalVerdict,
  VersionDrift,
} from '@fleet-portal/plugin-fleet-common';
import { ClusterValues, MetricsRound } from './metricsRound';
import { ResolvedSignal, signalDefinition } from './signals';
import {
  judgeValue,
  notApplicableVerdict,
  statusOfValue,
  unknownVerdict,
  worstOf,
} from './verdict';
import { compareVersions } from '@fleet-portal/plugin-fleet-common';
import { satisfiesRange } from './kpi/versionRange';

/** A component of a profile as applicability needs it. */
export type ProfileComponentRef = { name: string; role?: string };

/** What the health views need of a catalog cluster; `name` is the value of the cluster label. */
export type HealthCatalogCluster = {
  name: string;
  entityRef: string;
  environment?: string;
  profileRef?: string;
  owner?: string;
  /**
   * The components its profile pins (names and roles in lower case); absent when the profile is
   * not known (none named, or not from the platform repository).
   */
  components?: readonly ProfileComponentRef[];
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

/**
 * What the round says about one signal of one cluster, before it is put in words: the verdict's
 * status and its reason both derive from this, so that the grid's codes and the verdicts agree.
 */
export type Assessment =
  | {
      kind: 'not-applicable';
      /** The profile's component in the signal's role, e.g. `calico` for the Cilium signal. */
      instead?: string;
      /** The title of the signal of the same role the cluster reports (profile not known). */
      evidence?: string;
    }
  | { kind: 'failed'; error: string }
  | { kind: 'partial'; warnings: string[] }
  | { kind: 'stale'; age: number; maxAge: number; newest: number }
  | { kind: 'missing'; newest?: number }
  | { kind: 'value'; value: number; time: number };

/**
 * Whether a signal applies to a cluster by its profile: `true` when the profile pins one of the
 * signal's components, `{ instead }` when it pins another component in the signal's role (or,
 * for a signal without a role, none of them), `undefined` when the profile does not say (not
 * known, or nothing pinned in that role).
 */
export function profileApplies(
  signal: Pick<ResolvedSignal, 'appliesTo' | 'role'>,
  catalog: Pick<HealthCatalogCluster, 'components'> | undefined,
): true | { instead?: string } | undefined {
  if (!signal.appliesTo) return true;
  const components = catalog?.components;
  if (!components) return undefined;
  if (components.some(c => signal.appliesTo!.includes(c.name))) return true;
  if (!signal.role) return {};
  const other = components.find(c => c.role === signal.role);
  return other ? { instead: other.name } : undefined;
}

/** The signal of the same role that has series for the cluster (a profile-less cluster's CNI). */
function reportingAlternative(
  signal: ResolvedSignal,
  cluster: string,
  signals: readonly ResolvedSignal[],
  round: MetricsRound,
): ResolvedSignal | undefined {
  if (!signal.role) return undefined;
  return signals.find(other => {
    if (other.id === signal.id || other.role !== signal.role) return false;
    const result = round.signals.get(other.id);
    return result?.ok === true && result.byCluster.has(cluster);
  });
}

/** What the round says about one signal of one cluster. */
export function assess(
  signal: ResolvedSignal,
  cluster: string,
  catalog: HealthCatalogCluster | undefined,
  round: MetricsRound,
  maxSampleAgeSeconds: number,
  signals: readonly ResolvedSignal[] = [],
): Assessment {
  const applies = profileApplies(signal, catalog);
  if (applies !== true && applies !== undefined) {
    return { kind: 'not-applicable', ...applies };
  }
  const result = round.signals.get(signal.id);
  if (!result || !result.ok) {
    return {
      kind: 'failed',
      error: result && !result.ok ? result.error : 'not queried',
    };
  }
  if (result.warnings.length > 0) {
    return { kind: 'partial', warnings: result.warnings };
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
      return { kind: 'stale', age, maxAge: maxSampleAgeSeconds, newest };
    }
  }
  if (!sample) {
    const alternative =
      applies === undefined
        ? reportingAlternative(signal, cluster, signals, round)
        : undefined;
    if (alternative) {
      return { kind: 'not-applicable', evidence: alternative.title };
    }
    return { kind: 'missing', newest };
  }
  return { kind: 'value', value: sample.value, time: newest ?? sample.time };
}

/** The verdict's status alone (what the grid needs), without building its reason. */
export function statusOf(
  signal: ResolvedSignal,
  assessment: Assessment,
): SignalStatus {
  switch (assessment.kind) {
    case 'not-applicable':
      return 'not-applicable';
    case 'value':
      return statusOfValue(signal, assessment.value);
    default:
      return 'unknown';
  }
}

/** Why a profile rules a signal out, e.g. "its profile edge runs calico as its cni, not cilium". */
function profileWithout(
  signal: ResolvedSignal,
  profileRef: string | undefined,
  instead: string | undefined,
): string {
  const profile = profileRef ? `its profile ${profileRef}` : 'its profile';
  const measured = (signal.appliesTo ?? []).join(' or ');
  return instead && signal.role
    ? `${profile} runs ${instead} as its ${signal.role}, not ${measured}`
    : `${profile} has no ${measured}`;
}

/** The assessment in words: the verdict the API shows. */
export function verdictOf(
  signal: ResolvedSignal,
  assessment: Assessment,
  catalog: HealthCatalogCluster | undefined,
): SignalVerdict {
  switch (assessment.kind) {
    case 'not-applicable':
      return notApplicableVerdict(
        signal,
        assessment.evidence
          ? `the cluster reports ${assessment.evidence} instead (its profile is not known)`
          : profileWithout(signal, catalog?.profileRef, assessment.instead),
      );
    case 'failed':
      return unknownVerdict(
        signal,
        `Metrics source ${signal.source} failed: ${assessment.error}`,
      );
    case 'partial':
      return unknownVerdict(
        signal,
        `Metrics source ${
          signal.source
        } answered with a partial response (${assessment.warnings.join(
          '; ',
        )}); the value could be incomplete`,
      );
    case 'stale':
      return unknownVerdict(
        signal,
        `Stale data: the newest sample of this cluster in ${
          signal.source
        } is ${formatAge(assessment.age)} old (max age ${formatAge(
          assessment.maxAge,
        )})`,
        new Date(assessment.newest * 1000),
      );
    case 'missing': {
      const unknownProfile =
        signal.appliesTo && !catalog?.components
          ? `; whether the cluster runs ${signal.appliesTo.join(
              ' or ',
            )} is not known (no profile known)`
          : '';
      return unknownVerdict(
        signal,
        `No series for this cluster from ${signal.source}: the query returned nothing for it (exporter missing or not remote-writing)${unknownProfile}`,
        assessment.newest !== undefined
          ? new Date(assessment.newest * 1000)
          : undefined,
      );
    }
    case 'value':
    default:
      return judgeValue(
        signal,
        assessment.value,
        new Date(assessment.time * 1000),
      );
  }
}

/** The verdict of one signal for one cluster from what the round returned. */
export function verdictFor(
  signal: ResolvedSignal,
  cluster: string,
  round: MetricsRound,
  maxSampleAgeSeconds: number,
  catalog?: HealthCatalogCluster,
  signals: readonly ResolvedSignal[] = [],
): SignalVerdict {
  return verdictOf(
    signal,
    assess(signal, cluster, catalog, round, maxSampleAgeSeconds, signals),
    catalog,
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

/** The catalog facts a ClusterHealth carries; none for an unregistered cluster. */
export function catalogFacts(
  catalog: HealthCatalogCluster | undefined,
): Pick<ClusterHealth, 'entityRef' | 'environment' | 'profileRef' | 'owner'> {
  if (!catalog) return {};
  return {
    entityRef: catalog.entityRef,
    ...(catalog.environment ? { environment: catalog.environment } : {}),
    ...(catalog.profileRef ? { profileRef: catalog.profileRef } : {}),
    ...(catalog.owner ? { owner: catalog.owner } : {}),
  };
}

export function clusterHealth(
  cluster: string,
  catalog: HealthCatalogCluster | undefined,
  signals: readonly ResolvedSignal[],
  round: MetricsRound,
  maxSampleAgeSeconds: number,
): ClusterHealth {
  const verdicts = signals.map(signal =>
    verdictFor(signal, cluster, round, maxSampleAgeSeconds, catalog, signals),
  );
  return {
    cluster,
    ...catalogFacts(catalog),
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

/** Label coverage and version drift of the fleet a principal sees (unregistered clusters too). */
export function fleetFacts(
  round: MetricsRound,
  visible: readonly HealthCatalogCluster[],
  unregistered: readonly string[],
  requiredLabels: readonly string[],
): { labelCoverage: LabelCoverage[]; drift: VersionDrift[] } {
  return {
    labelCoverage: [...visible.map(c => c.name), ...unregistered]
      .map(name => labelCoverageOf(name, round, requiredLabels))
      .filter((c): c is LabelCoverage => c !== undefined),
    drift: visible.flatMap(c => driftOf(c.name, c, round)),
  };
}

/** The fleet KPIs from the clusters' statuses and the fleet facts. */
export function fleetKpis(
  statuses: Iterable<HealthStatus>,
  facts: { labelCoverage: LabelCoverage[]; drift: VersionDrift[] },
  unregistered: number,
): FleetHealthKpis {
  const byStatus = Object.fromEntries(
    HEALTH_STATUS_ORDER.map(s => [s, 0]),
  ) as Record<HealthStatus, number>;
  let clusters = 0;
  for (const status of statuses) {
    byStatus[status]++;
    clusters++;
  }
  const series = facts.labelCoverage.reduce((sum, c) => sum + c.series, 0);
  const complete = facts.labelCoverage.reduce(
    (sum, c) => sum + c.share * c.series,
    0,
  );
  return {
    clusters,
    byStatus,
    ...(series > 0 ? { labelCoverage: complete / series } : {}),
    unregistered,
    drifted: new Set(facts.drift.map(d => d.cluster)).size,
  };
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
  const facts = fleetFacts(
    round,
    visible,
    unregistered,
    settings.requiredLabels,
  );
  return {
    generatedAt: round.time.toISOString(),
    maxAgeSeconds: settings.cacheSeconds,
    sources: round.sources,
    signals: signals.map(signalDefinition),
    clusters,
    unregistered,
    ...facts,
    kpis: fleetKpis(
      clusters.map(c => c.status),
      facts,
      unregistered.length,
    ),
  };
}
