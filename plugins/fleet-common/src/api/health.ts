// The fleet health API of the fleet backend (plugin id `fleet`), shared by the backend that serves it
// and the frontend client that reads it. Times are ISO 8601 instants (UTC).
//
//   GET /health/summary                     FleetHealthSummary    KPIs, environment × status counts, facets
//   GET /health/clusters?<HealthClusterQuery>  HealthClusterPage   one page of verdicts, worst first
//   GET /health/grid?<HealthClusterQuery>   FleetHealthGrid       clusters × signals as status codes
//   GET /health/fleet                       FleetHealthSnapshot   the whole fleet (export; large)
//   GET /health/clusters/:namespace/:name   ClusterHealthDetail   one cluster with history (404 unknown entity)
// All need the permission fleet.health.read. A view asks for what it shows (summary, a page, a grid
// chunk): each stays small at 10,000 clusters; only the export grows with the fleet.
//
// A verdict is never invented: when a source is down, slow, or answers garbage, or when a cluster's
// series are missing or stale, the verdict is `unknown` with the reason. A signal that names the
// profile components it applies to (e.g. Calico's metrics) is `not-applicable` for a cluster whose
// profile runs another component in that role (Cilium): that is known, not unknown.

/** Verdict of one signal, worst first in HEALTH_STATUS_ORDER. */
export type HealthStatus = 'critical' | 'warning' | 'unknown' | 'ok';

/** Worst first: the order in which an overall status is chosen. */
export const HEALTH_STATUS_ORDER: readonly HealthStatus[] = [
  'critical',
  'warning',
  'unknown',
  'ok',
];

/**
 * The verdict of one signal for one cluster: a health status, or `not-applicable` when the signal
 * measures a component the cluster's profile does not have. Never decides a cluster's status.
 */
export type SignalStatus = HealthStatus | 'not-applicable';

/** Worst first, then `not-applicable` last. */
export const SIGNAL_STATUS_ORDER: readonly SignalStatus[] = [
  ...HEALTH_STATUS_ORDER,
  'not-applicable',
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
  /**
   * Unit of the value, for display (formatSignalValue): `ratio` (shown as %), `percent`, durations
   * (`seconds`, `minutes`, `hours`, `days`), counts (`count` or a plural noun such as `nodes`,
   * `restarts`: shown as whole numbers), or anything else shown after the value (e.g. `req/s`).
   */
  unit: string;
  /** The PromQL sent once for the whole fleet; aggregated by the cluster label. */
  query: string;
  thresholds: SignalThresholds;
  /** Name of the metrics source the query is sent to. */
  source: string;
  /**
   * Names of the profile components the signal measures (e.g. `["calico"]`), compared without
   * case; absent when it applies to every cluster.
   */
  appliesTo?: string[];
  /**
   * The role of those components in a profile (e.g. `cni`). A cluster whose profile pins another
   * component for the role (Cilium, not Calico) gets `not-applicable`; one whose profile pins none
   * for it is judged as usual. A cluster without a known profile that reports the series of
   * another signal of the same role also gets `not-applicable`. Without a role, a profile with
   * none of `appliesTo` means `not-applicable`.
   */
  role?: string;
};

/** Verdict of one signal for one cluster. */
export type SignalVerdict = {
  signal: string;
  status: SignalStatus;
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
  /** The cluster's profile and owner (full entity refs), absent for unregistered clusters. */
  profileRef?: string;
  owner?: string;
  /** Worst status over the signals (`not-applicable` ones do not count). */
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

// ---------------------------------------------------------------------------------------------
// Views: what a page asks for instead of the whole snapshot.

/** Sort orders of the views. `status` is worst first; `signal` is the status of one signal (`signal=<id>`). */
export const HEALTH_SORT_FIELDS = [
  'status',
  'signal',
  'name',
  'environment',
  'profile',
  'owner',
] as const;
export type HealthSortField = (typeof HEALTH_SORT_FIELDS)[number];

/** Fields the views group clusters by; groups come worst first (the order of their first cluster). */
export const HEALTH_GROUP_FIELDS = ['environment', 'profile', 'owner'] as const;
export type HealthGroupField = (typeof HEALTH_GROUP_FIELDS)[number];

export const HEALTH_DEFAULT_PAGE_SIZE = 50;
export const HEALTH_MAX_PAGE_SIZE = 100;
/** Rows of a grid response when the query names no limit, and the most one serves. */
export const HEALTH_GRID_DEFAULT_ROWS = 1000;
export const HEALTH_GRID_MAX_ROWS = 2000;

/**
 * Query of GET /health/clusters and GET /health/grid. Filters take several values (OR within a
 * field, AND across fields); the default order is worst first, ties by environment then name.
 */
export type HealthClusterQuery = {
  environment?: string[];
  /** Profile entity refs (`production` or `clusterprofile:default/production`). */
  profile?: string[];
  /** Owner entity refs (`team-payments` or `group:default/team-payments`). */
  owner?: string[];
  /** Overall status of the cluster. */
  status?: HealthStatus[];
  /** Exact cluster label values. */
  cluster?: string[];
  /** Substring of the cluster name, without case. */
  search?: string;
  groupBy?: HealthGroupField;
  orderBy?: HealthSortField;
  /** The signal id `orderBy: signal` sorts by. */
  signal?: string;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
  /**
   * GET /health/clusters only: `worst` gives each cluster only the verdict that decided its
   * status (the first one when all are ok), which is what a list shows; default `all`.
   */
  verdicts?: 'all' | 'worst';
};

export type HealthStatusCounts = Record<HealthStatus, number>;

/** GET /health/clusters: one page of full verdicts. */
export type HealthClusterPage = {
  generatedAt: string;
  items: ClusterHealth[];
  totalItems: number;
  offset: number;
  limit: number;
  /** The group of each item (parallel to `items`) when the query groups. */
  groups?: string[];
};

/**
 * GET /health/grid: the selection as status codes, one character per cluster and signal. Codes:
 * `c` critical, `w` warning, `u` unknown, `o` ok, `n` not applicable.
 */
export type FleetHealthGrid = {
  generatedAt: string;
  /** Signal ids, the column order of `cells`. */
  signals: string[];
  /** Their titles, so that a grid can head its columns before the summary arrives. */
  titles: string[];
  totalItems: number;
  offset: number;
  limit: number;
  /** Cluster label values of the rows. */
  clusters: string[];
  /** Entity refs of the rows; null for a cluster that is not in the catalog. */
  entityRefs: (string | null)[];
  /** Index into `environments` per row, -1 when the cluster has none. */
  environment: number[];
  environments: string[];
  /** The overall status code of each row. */
  status: string;
  /** Row-major: `signals.length` codes per row. */
  cells: string;
  /** Group label of each row (index into `groupLabels`), when the query groups. */
  group?: number[];
  groupLabels?: string[];
  /** Per group of this response: clusters and counts per status across the whole selection. */
  groupCounts?: Record<string, { total: number; byStatus: HealthStatusCounts }>;
  /** Only at offset 0: the overall status code of every row of the selection, for an overview. */
  overview?: string;
};

/** One status code per SignalStatus, as FleetHealthGrid carries them. */
export const SIGNAL_STATUS_CODES: Record<SignalStatus, string> = {
  critical: 'c',
  warning: 'w',
  unknown: 'u',
  ok: 'o',
  'not-applicable': 'n',
};

/** Counts of one environment (absent: clusters without one, e.g. unregistered). */
export type EnvironmentHealth = {
  environment?: string;
  total: number;
  byStatus: HealthStatusCounts;
};

/** GET /health/summary: what the page header shows, small whatever the fleet size. */
export type FleetHealthSummary = {
  generatedAt: string;
  maxAgeSeconds: number;
  sources: MetricsSourceState[];
  signals: SignalDefinition[];
  kpis: FleetHealthKpis;
  /** Worst first (most critical, then warning, unknown), then by name. */
  environments: EnvironmentHealth[];
  /** Values present in the fleet, for the filter pickers. */
  facets: { environment: string[]; profile: string[]; owner: string[] };
  /** The first `SUMMARY_LIST_LIMIT` of each list, with the total. */
  unregistered: { total: number; names: string[] };
  drift: { total: number; items: VersionDrift[] };
  /** Clusters whose series miss required labels, worst coverage first. */
  labelCoverage: {
    measured: number;
    incompleteTotal: number;
    incomplete: LabelCoverage[];
  };
};

/** How many entries each list of a summary holds at most. */
export const HEALTH_SUMMARY_LIST_LIMIT = 100;
