import {
  ClusterLifecycle,
  LIFECYCLE_DEFAULT_PAGE_SIZE,
  LifecyclePage,
  LifecycleQuery,
  LifecycleSchedule,
  LifecycleSortField,
} from '@fleet-portal/plugin-fleet-common';
import { ClusterRecord } from './clusterRecords';
import { GovernanceJudge } from './governance';
import {
  clusterFilter,
  FilterKeys,
  filterKeysOf,
  lifecycleFacets,
  sortClusters,
} from './query';
import { refKey } from './refs';
import { lifecycleSchedule } from './schedule';

/**
 * A catalog view judged once and indexed for what the lifecycle API offers: filter keys per
 * cluster, each sort order built on first use, the facets, the clusters by reference, and the
 * governance verdict of each cluster judged once (CIDR overlaps in one sweep). A page, filter,
 * sort or single cluster then costs milliseconds at 10,000 clusters.
 *
 * Per-process derived data of one cached catalog view: FleetInventory keeps it while that view
 * lives in the cache service, and every replica builds its own from the shared view.
 */
export class LifecycleIndex {
  private readonly keys: FilterKeys[];
  private readonly position = new Map<ClusterRecord, number>();
  private readonly byRef = new Map<string, ClusterRecord>();
  private readonly orders = new Map<string, readonly ClusterRecord[]>();
  private readonly lifecycles: Array<ClusterLifecycle | undefined>;
  private facetsMemo?: LifecyclePage['facets'];

  constructor(
    readonly clusters: readonly ClusterRecord[],
    readonly today: string,
    private readonly governance: GovernanceJudge,
  ) {
    this.keys = clusters.map(filterKeysOf);
    clusters.forEach((record, i) => {
      this.position.set(record, i);
      this.byRef.set(refKey(record.entityRef), record);
    });
    this.lifecycles = new Array(clusters.length);
  }

  /**
   * The governance verdicts of some of the clusters, each judged once. Records that are not of
   * this index (another snapshot's) are judged as they come.
   */
  readonly judge: GovernanceJudge = records => {
    const missing = records.filter(record => {
      const i = this.position.get(record);
      return i === undefined || this.lifecycles[i] === undefined;
    });
    const judged = missing.length > 0 ? this.governance(missing) : [];
    const fresh = new Map(missing.map((record, i) => [record, judged[i]]));
    return records.map(record => {
      const i = this.position.get(record);
      if (i === undefined) return fresh.get(record)!;
      this.lifecycles[i] ??= fresh.get(record);
      return this.lifecycles[i]!;
    });
  };

  /** The cluster with this entity ref (compared without case). */
  cluster(entityRef: string): ClusterRecord | undefined {
    return this.byRef.get(refKey(entityRef));
  }

  private sorted(
    orderBy: LifecycleSortField = 'status',
    order: 'asc' | 'desc' = 'asc',
  ): readonly ClusterRecord[] {
    const key = `${orderBy}|${order}`;
    let sorted = this.orders.get(key);
    if (!sorted) {
      sorted = sortClusters(this.clusters, orderBy, order);
      this.orders.set(key, sorted);
    }
    return sorted;
  }

  /** The clusters matching the filters, without sorting. */
  filtered(query: LifecycleQuery): ClusterRecord[] {
    const keep = clusterFilter(query);
    return keep
      ? this.clusters.filter((_, i) => keep(this.keys[i]))
      : [...this.clusters];
  }

  /** Filtered and sorted, without paging: what a page and the CSV export share. */
  select(query: LifecycleQuery): ClusterRecord[] {
    const sorted = this.sorted(query.orderBy, query.order);
    const keep = clusterFilter(query);
    if (!keep) return [...sorted];
    return sorted.filter(record => keep(this.keys[this.position.get(record)!]));
  }

  /** Values present across the whole view, for the filter pickers. */
  facets(): LifecyclePage['facets'] {
    this.facetsMemo ??= lifecycleFacets(this.clusters);
    return this.facetsMemo;
  }

  /** Reviews and retirements per month of the clusters matching the filters. */
  schedule(query: LifecycleQuery, months: number): LifecycleSchedule {
    return lifecycleSchedule(this.filtered(query), this.today, months);
  }

  /** One page of the selection, judged; with the schedule when the query asks for it. */
  page(query: LifecycleQuery): LifecyclePage {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? LIFECYCLE_DEFAULT_PAGE_SIZE;
    const selected = this.select(query);
    return {
      items: this.judge(selected.slice(offset, offset + limit)),
      totalItems: selected.length,
      offset,
      limit,
      facets: this.facets(),
      ...(query.scheduleMonths
        ? {
            schedule: lifecycleSchedule(
              selected,
              this.today,
              query.scheduleMonths,
            ),
          }
        : {}),
    };
  }
}
