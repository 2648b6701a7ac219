import {
  ClusterHealth,
  EnvironmentHealth,
  FleetHealthGrid,
  FleetHealthKpis,
  FleetHealthSnapshot,
  FleetHealthSummary,
  HEALTH_DEFAULT_PAGE_SIZE,
  HEALTH_GRID_DEFAULT_ROWS,
  HEALTH_STATUS_ORDER,
  HEALTH_SUMMARY_LIST_LIMIT,
  HealthClusterPage,
  HealthClusterQuery,
  HealthStatusCounts,
  LabelCoverage,
  SIGNAL_STATUS_CODES,
  SIGNAL_STATUS_ORDER,
  VersionDrift,
} from '@fleet-portal/plugin-fleet-common';
import {
  buildFleetSnapshot,
  clusterHealth,
  fleetFacts,
  fleetKpis,
  HealthCatalogCluster,
  SnapshotSettings,
} from '../fleetSnapshot';
import { MetricsRound } from '../metricsRound';
import { ResolvedSignal, signalDefinition } from '../signals';
import { JudgedFleet, judgeFleet } from './judgedFleet';
import { selectRows, SortedOrders } from './selectRows';

const compareText = new Intl.Collator('en-US').compare;

/** SIGNAL_STATUS_ORDER rank → grid code. */
const CODE_OF_RANK = SIGNAL_STATUS_ORDER.map(s => SIGNAL_STATUS_CODES[s]);
const CODE_OF_OVERALL = HEALTH_STATUS_ORDER.map(s => SIGNAL_STATUS_CODES[s]);

function emptyCounts(): HealthStatusCounts {
  return Object.fromEntries(
    HEALTH_STATUS_ORDER.map(s => [s, 0]),
  ) as HealthStatusCounts;
}

/** Worst first: by critical, warning and unknown counts (descending), then by name. */
function worstEnvironmentsFirst(a: EnvironmentHealth, b: EnvironmentHealth) {
  for (const status of ['critical', 'warning', 'unknown'] as const) {
    const difference = b.byStatus[status] - a.byStatus[status];
    if (difference !== 0) return difference;
  }
  if (a.environment === undefined || b.environment === undefined) {
    return (
      Number(a.environment === undefined) - Number(b.environment === undefined)
    );
  }
  return compareText(a.environment, b.environment);
}

/**
 * The fleet health of one round as one principal sees it, judged once and indexed: the summary,
 * a page of verdicts, a grid chunk or the export each cost milliseconds after the first use.
 * Per-process derived data: it is rebuilt from the round in the cache service, never shared.
 */
export class FleetHealthView {
  readonly generatedAt: string;
  private readonly fleet: JudgedFleet;
  private readonly orders: SortedOrders;
  private readonly verdicts: Array<ClusterHealth | undefined>;
  private facts?: { labelCoverage: LabelCoverage[]; drift: VersionDrift[] };
  private summaryMemo?: FleetHealthSummary;
  private snapshotMemo?: { snapshot: FleetHealthSnapshot; json?: string };

  constructor(
    private readonly round: MetricsRound,
    private readonly signals: readonly ResolvedSignal[],
    private readonly visible: readonly HealthCatalogCluster[],
    private readonly registered: ReadonlySet<string>,
    private readonly settings: SnapshotSettings,
  ) {
    this.generatedAt = round.time.toISOString();
    this.fleet = judgeFleet(
      round,
      signals,
      visible,
      registered,
      settings.maxSampleAgeSeconds,
    );
    this.orders = new SortedOrders(this.fleet);
    this.verdicts = new Array(this.fleet.rows.length);
  }

  /** The full verdicts of one row, built on first use. */
  private clusterAt(row: number): ClusterHealth {
    let health = this.verdicts[row];
    if (!health) {
      const { name, catalog } = this.fleet.rows[row];
      health = clusterHealth(
        name,
        catalog,
        this.signals,
        this.round,
        this.settings.maxSampleAgeSeconds,
      );
      this.verdicts[row] = health;
    }
    return health;
  }

  private fleetFacts() {
    this.facts ??= fleetFacts(
      this.round,
      this.visible,
      this.fleet.unregistered,
      this.settings.requiredLabels,
    );
    return this.facts;
  }

  private kpis(): FleetHealthKpis {
    return fleetKpis(
      Array.from(this.fleet.overall, rank => HEALTH_STATUS_ORDER[rank]),
      this.fleetFacts(),
      this.fleet.unregistered.length,
    );
  }

  summary(): FleetHealthSummary {
    if (this.summaryMemo) return this.summaryMemo;
    const environments = new Map<string | undefined, EnvironmentHealth>();
    const facets = {
      environment: new Set<string>(),
      profile: new Set<string>(),
      owner: new Set<string>(),
    };
    this.fleet.rows.forEach((row, index) => {
      const environment = row.catalog?.environment;
      let entry = environments.get(environment);
      if (!entry) {
        entry = {
          ...(environment !== undefined ? { environment } : {}),
          total: 0,
          byStatus: emptyCounts(),
        };
        environments.set(environment, entry);
      }
      entry.total += 1;
      entry.byStatus[HEALTH_STATUS_ORDER[this.fleet.overall[index]]] += 1;
      if (environment) facets.environment.add(environment);
      if (row.catalog?.profileRef) facets.profile.add(row.catalog.profileRef);
      if (row.catalog?.owner) facets.owner.add(row.catalog.owner);
    });
    const { labelCoverage, drift } = this.fleetFacts();
    const incomplete = labelCoverage
      .filter(c => c.share < 1)
      .sort((a, b) => a.share - b.share || compareText(a.cluster, b.cluster));
    const sorted = (values: Set<string>) => [...values].sort(compareText);
    this.summaryMemo = {
      generatedAt: this.generatedAt,
      maxAgeSeconds: this.settings.cacheSeconds,
      sources: this.round.sources,
      signals: this.signals.map(signalDefinition),
      kpis: this.kpis(),
      environments: [...environments.values()].sort(worstEnvironmentsFirst),
      facets: {
        environment: sorted(facets.environment),
        profile: sorted(facets.profile),
        owner: sorted(facets.owner),
      },
      unregistered: {
        total: this.fleet.unregistered.length,
        names: this.fleet.unregistered.slice(0, HEALTH_SUMMARY_LIST_LIMIT),
      },
      drift: {
        total: drift.length,
        items: drift.slice(0, HEALTH_SUMMARY_LIST_LIMIT),
      },
      labelCoverage: {
        measured: labelCoverage.length,
        incompleteTotal: incomplete.length,
        incomplete: incomplete.slice(0, HEALTH_SUMMARY_LIST_LIMIT),
      },
    };
    return this.summaryMemo;
  }

  /** One page of full verdicts in the query's order (worst first by default). */
  page(query: HealthClusterQuery): HealthClusterPage {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? HEALTH_DEFAULT_PAGE_SIZE;
    const selection = selectRows(this.fleet, this.orders, query);
    const positions = range(
      offset,
      Math.min(selection.rows.length, offset + limit),
    );
    const items = positions.map(p => this.clusterAt(selection.rows[p]));
    return {
      generatedAt: this.generatedAt,
      items: query.verdicts === 'worst' ? items.map(worstVerdictOnly) : items,
      totalItems: selection.rows.length,
      offset,
      limit,
      ...(selection.groupOf
        ? { groups: positions.map(p => selection.groupOf!(p)) }
        : {}),
    };
  }

  /** A chunk of the selection as status codes (see FleetHealthGrid). */
  grid(query: HealthClusterQuery): FleetHealthGrid {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? HEALTH_GRID_DEFAULT_ROWS;
    const selection = selectRows(this.fleet, this.orders, query);
    const positions = range(
      offset,
      Math.min(selection.rows.length, offset + limit),
    );
    const width = this.signals.length;
    const environments: string[] = [];
    const environmentIndex = new Map<string, number>();
    const clusters: string[] = [];
    const entityRefs: (string | null)[] = [];
    const environment: number[] = [];
    let status = '';
    let cells = '';
    for (const position of positions) {
      const index = selection.rows[position];
      const row = this.fleet.rows[index];
      clusters.push(row.name);
      entityRefs.push(row.catalog?.entityRef ?? null);
      const env = row.catalog?.environment;
      if (env === undefined) {
        environment.push(-1);
      } else {
        let e = environmentIndex.get(env);
        if (e === undefined) {
          e = environments.length;
          environments.push(env);
          environmentIndex.set(env, e);
        }
        environment.push(e);
      }
      status += CODE_OF_OVERALL[this.fleet.overall[index]];
      for (let s = 0; s < width; s++) {
        cells += CODE_OF_RANK[this.fleet.codes[index * width + s]];
      }
    }
    const grid: FleetHealthGrid = {
      generatedAt: this.generatedAt,
      signals: this.signals.map(s => s.id),
      titles: this.signals.map(s => s.title),
      totalItems: selection.rows.length,
      offset,
      limit,
      clusters,
      entityRefs,
      environment,
      environments,
      status,
      cells,
    };
    if (selection.groupOf) {
      const labels: string[] = [];
      const labelIndex = new Map<string, number>();
      grid.group = positions.map(p => {
        const label = selection.groupOf!(p);
        let g = labelIndex.get(label);
        if (g === undefined) {
          g = labels.length;
          labels.push(label);
          labelIndex.set(label, g);
        }
        return g;
      });
      grid.groupLabels = labels;
      grid.groupCounts = Object.fromEntries(
        labels.map(label => [label, selection.groupCounts!.get(label)!]),
      );
    }
    if (offset === 0) {
      grid.overview = selection.rows
        .map(index => CODE_OF_OVERALL[this.fleet.overall[index]])
        .join('');
    }
    return grid;
  }

  /** The whole fleet with every verdict: the export (and what agents and /metrics read). */
  snapshot(): FleetHealthSnapshot {
    this.snapshotMemo ??= {
      snapshot: buildFleetSnapshot(
        this.round,
        this.signals,
        this.visible,
        this.registered,
        this.settings,
      ),
    };
    return this.snapshotMemo.snapshot;
  }

  /** The export as JSON, serialized once. */
  snapshotJson(): string {
    const snapshot = this.snapshot();
    this.snapshotMemo!.json ??= JSON.stringify(snapshot);
    return this.snapshotMemo!.json;
  }
}

/** The cluster with only the verdict that decided its status (the first one when all are ok). */
function worstVerdictOnly(cluster: ClusterHealth): ClusterHealth {
  const verdict =
    cluster.signals.find(v => v.signal === cluster.worstSignal) ??
    cluster.signals[0];
  return { ...cluster, signals: verdict ? [verdict] : [] };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}
