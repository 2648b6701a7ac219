// The fleet health API of the fleet backend (plugin id `fleet`), shared by the backend that serves it
// and the frontend client that reads it. Times are ISO 8601 instants (UTC).
//
//   GET /health/fleet                       FleetHealthSnapshot   (permission fleet.health.read)
//   GET /health/clusters/:namespace/:name   ClusterHealthDetail   (permission fleet.health.read; 404 unknown entity)
//
// A verdict is never invented: when a source is down, slow, or answers garbage, or when a cluster's
// series are missing or stale, the verdict is `unknown` with the reason.

/** Verdict of one signal, worst first in HEALTH_STATUS_ORDER. */
export type HealthStatus = 'critical' | 'warning' | 'unknown' | 'ok';

/** Worst first: the order in which an overall status is chosen. */
export const HEALTH_STATUS_ORDER: readonly HealthStatus[] = [
  'critical',
  'warning',
  'unknown',
  'ok',
];

/** Whether a larger value is worse (`above`) or a smaller one is (`below`, e.g. days to certificate expiry). */
export type ThresholdDirection = 'above' | 'below';

export type SignalThresholds = {
  direction: ThresholdDirection;
  warning?: number;
  critical?: number;
};

/** A signal of the catalogue, as configured (defaults overridden by config). */
export type SignalDefinition = {
  /** Stable id, e.g. `apiserver-availability`, `certificate-expiry`. */
  id: string;
  title: string;
  description: string;
  /** Unit of the value, for display: `ratio`, `count`, `days`, `hours`, `seconds`, ... */
  unit: string;
  /** The PromQL sent once for the whole fleet; aggregated by the cluster label. */
  query: string;
  thresholds: SignalThresholds;
  /** Name of the metrics source the query is sent to. */
  source: string;
};

/** Verdict of one signal for one cluster. */
export type SignalVerdict = {
  signal: string;
  status: HealthStatus;
  /** The observed value; absent when there is none to show (source down, no series). */
  value?: number;
  /** The threshold that was crossed, or the nearest one when ok. */
  threshold?: number;
  /** A sentence for people: why this verdict, naming the value and threshold or the failure. */
  reason: string;
  /** Time of the sample the verdict is based on. */
  sampleTime?: string;
  /** Name of the metrics source. */
  source: string;
};

/** State of a metrics source during the last snapshot. */
export type MetricsSourceState = {
  name: string;
  /** `prometheus`, `thanos`, `mimir`, `victoriametrics`. */
  type: string;
  status: 'up' | 'degraded' | 'down';
  /** Why it is degraded or down (errors, partial responses, warnings), never a credential. */
  message?: string;
  warnings?: string[];
};

/** Health of one cluster. */
export type ClusterHealth = {
  /** Value of the cluster label in the metrics store. */
  cluster: string;
  /** The catalog entity, absent for clusters that report metrics but are not registered. */
  entityRef?: string;
  environment?: string;
  /** Worst status over the signals. */
  status: HealthStatus;
  /** Id of the signal that decided `status` (absent when every signal is ok). */
  worstSignal?: string;
  signals: SignalVerdict[];
};

/** Share of a cluster's series that carry the required labels (cluster, environment, site, platform_version). */
export type LabelCoverage = {
  cluster: string;
  series: number;
  /** 0..1 */
  share: number;
  /** Required labels missing on at least one series. */
  missingLabels: string[];
};

/** A component whose observed version differs from the profile's pin. */
export type VersionDrift = {
  cluster: string;
  entityRef?: string;
  component: string;
  observed: string;
  pinned: string;
  profileRef?: string;
  /** The profile's allowed range for the component, e.g. `>=1.30.0 <1.32.0` (Kubernetes). */
  allowedRange?: string;
  /** Whether `observed` is inside `allowedRange`; absent when there is no range or it cannot be read. */
  withinAllowedRange?: boolean;
};

export type FleetHealthKpis = {
  clusters: number;
  byStatus: Record<HealthStatus, number>;
  /** Series share with all required labels over the fleet, 0..1; absent when unknown. */
  labelCoverage?: number;
  unregistered: number;
  drifted: number;
};

/** The whole fleet at one moment: one query per signal, shared by concurrent callers. */
export type FleetHealthSnapshot = {
  generatedAt: string;
  /** Seconds the snapshot is served from cache. */
  maxAgeSeconds: number;
  sources: MetricsSourceState[];
  signals: SignalDefinition[];
  /** Every catalog cluster (unknown verdicts when it reports nothing) and every unregistered cluster. */
  clusters: ClusterHealth[];
  /** Cluster label values with metrics but no catalog entity. */
  unregistered: string[];
  labelCoverage: LabelCoverage[];
  drift: VersionDrift[];
  kpis: FleetHealthKpis;
};

export type HealthHistoryPoint = {
  /** ISO instant. */
  time: string;
  value: number;
};

/** One cluster with the history of each signal for the tab. */
export type ClusterHealthDetail = ClusterHealth & {
  generatedAt: string;
  sources: MetricsSourceState[];
  signalDefinitions: SignalDefinition[];
  /** Per signal id; empty when the source has no history or is down. */
  history: Record<string, HealthHistoryPoint[]>;
  /** Window of the history, e.g. `6h`. */
  historyRange: string;
  labelCoverage?: LabelCoverage;
  drift: VersionDrift[];
};
