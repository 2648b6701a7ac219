import {
  HEALTH_STATUS_ORDER,
  HealthStatus,
  SIGNAL_STATUS_ORDER,
  SignalStatus,
} from '@fleet-portal/plugin-fleet-common';
import { refKey } from '../../lifecycle/refs';
import {
  assess,
  HealthCatalogCluster,
  reportingClusters,
  statusOf,
} from '../fleetSnapshot';
import { MetricsRound } from '../metricsRound';
import { ResolvedSignal } from '../signals';

/** One row of the fleet: a catalog cluster the principal may see, or an unregistered one. */
export type FleetRow = {
  /** The cluster label value. */
  name: string;
  /** Absent for a cluster that reports metrics but is not in the catalog. */
  catalog?: HealthCatalogCluster;
  /** Lower-case name, for search. */
  search: string;
  /** Entity-ref keys (lower case) of the profile and owner, for filters. */
  profileKey?: string;
  ownerKey?: string;
  environmentKey?: string;
};

const SIGNAL_RANK = new Map<SignalStatus, number>(
  SIGNAL_STATUS_ORDER.map((status, rank) => [status, rank]),
);
const NOT_APPLICABLE = SIGNAL_RANK.get('not-applicable')!;
const UNKNOWN = HEALTH_STATUS_ORDER.indexOf('unknown');

/**
 * The fleet judged once per round and catalog view: one row per cluster with the status of every
 * signal as a small number (its rank in SIGNAL_STATUS_ORDER) and the overall status (its rank in
 * HEALTH_STATUS_ORDER). Verdicts with their reasons are built only for the rows a response shows.
 */
export type JudgedFleet = {
  rows: FleetRow[];
  signals: readonly ResolvedSignal[];
  /** Row-major, `signals.length` per row: rank in SIGNAL_STATUS_ORDER. */
  codes: Uint8Array;
  /** Per row: rank of the overall status in HEALTH_STATUS_ORDER. */
  overall: Uint8Array;
  /** Cluster label values that report metrics without any catalog entity, sorted. */
  unregistered: string[];
};

/** The fleet as a principal sees it, judged: catalog clusters first, then unregistered ones. */
export function judgeFleet(
  round: MetricsRound,
  signals: readonly ResolvedSignal[],
  visible: readonly HealthCatalogCluster[],
  registered: ReadonlySet<string>,
  maxSampleAgeSeconds: number,
): JudgedFleet {
  const unregistered = [...reportingClusters(round)]
    .filter(name => !registered.has(name))
    .sort();
  const rows: FleetRow[] = [
    ...visible.map(catalog => ({
      name: catalog.name,
      catalog,
      search: catalog.name.toLocaleLowerCase('en-US'),
      ...(catalog.profileRef ? { profileKey: refKey(catalog.profileRef) } : {}),
      ...(catalog.owner ? { ownerKey: refKey(catalog.owner) } : {}),
      ...(catalog.environment
        ? { environmentKey: catalog.environment.toLocaleLowerCase('en-US') }
        : {}),
    })),
    ...unregistered.map(name => ({
      name,
      search: name.toLocaleLowerCase('en-US'),
    })),
  ];
  const width = signals.length;
  const codes = new Uint8Array(rows.length * width);
  const overall = new Uint8Array(rows.length);
  rows.forEach((row, r) => {
    let worst = HEALTH_STATUS_ORDER.length;
    signals.forEach((signal, s) => {
      const status = statusOf(
        signal,
        assess(
          signal,
          row.name,
          row.catalog,
          round,
          maxSampleAgeSeconds,
          signals,
        ),
      );
      const rank = SIGNAL_RANK.get(status)!;
      codes[r * width + s] = rank;
      if (rank !== NOT_APPLICABLE && rank < worst) worst = rank;
    });
    // nothing applies: nothing is known (as worstOf decides)
    overall[r] = worst === HEALTH_STATUS_ORDER.length ? UNKNOWN : worst;
  });
  return { rows, signals, codes, overall, unregistered };
}

export function overallStatus(fleet: JudgedFleet, row: number): HealthStatus {
  return HEALTH_STATUS_ORDER[fleet.overall[row]];
}

export function signalStatus(
  fleet: JudgedFleet,
  row: number,
  signal: number,
): SignalStatus {
  return SIGNAL_STATUS_ORDER[fleet.codes[row * fleet.signals.length + signal]];
}
