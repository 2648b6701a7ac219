import {
  ClusterLifecycle,
  LIFECYCLE_DEFAULT_PAGE_SIZE,
  LIFECYCLE_STATUSES,
  LifecyclePage,
  LifecycleQuery,
  LifecycleSortField,
  LifecycleStatus,
} from '@fleet-portal/plugin-fleet-common';
import { LifecycleFields } from './clusterRecords';
import { fullRef, refKey } from './refs';

type Comparator = (a: LifecycleFields, b: LifecycleFields) => number;

/** What the filters compare of a cluster, computed once per cluster by an index. */
export type FilterKeys = {
  owner?: string;
  profile?: string;
  environment?: string;
  status: LifecycleStatus;
  /** Name, title and purpose in lower case. */
  text: string[];
};

export function filterKeysOf(cluster: LifecycleFields): FilterKeys {
  return {
    owner: cluster.owner && refKey(cluster.owner),
    profile: cluster.profileRef && refKey(cluster.profileRef),
    environment: cluster.environment?.toLocaleLowerCase('en-US'),
    status: cluster.status,
    text: [cluster.name, cluster.title, cluster.purpose]
      .filter((t): t is string => t !== undefined)
      .map(t => t.toLocaleLowerCase('en-US')),
  };
}

/**
 * Whether a cluster matches every filter of the query (OR within a field, AND across fields);
 * undefined when the query filters nothing.
 */
export function clusterFilter(
  query: LifecycleQuery,
): ((keys: FilterKeys) => boolean) | undefined {
  const owners = refSet(query.owner, 'group');
  const profiles = refSet(query.profile, 'clusterprofile');
  const environments = lowerSet(query.environment);
  const statuses = query.status?.length ? new Set(query.status) : undefined;
  const search = query.search?.trim().toLocaleLowerCase('en-US');
  if (!owners && !profiles && !environments && !statuses && !search) {
    return undefined;
  }
  return keys =>
    matches(owners, keys.owner) &&
    matches(profiles, keys.profile) &&
    matches(environments, keys.environment) &&
    (!statuses || statuses.has(keys.status)) &&
    (!search || keys.text.some(text => text.includes(search)));
}

/** The clusters matching every filter of the query (OR within a field, AND across fields). */
export function filterClusters<T extends LifecycleFields>(
  clusters: readonly T[],
  query: LifecycleQuery,
): T[] {
  const keep = clusterFilter(query);
  return keep
    ? clusters.filter(cluster => keep(filterKeysOf(cluster)))
    : [...clusters];
}

function refSet(values: string[] | undefined, defaultKind: string) {
  return values?.length
    ? new Set(values.map(value => refKey(fullRef(value, defaultKind))))
    : undefined;
}

function lowerSet(values: string[] | undefined) {
  return values?.length
    ? new Set(values.map(value => value.toLocaleLowerCase('en-US')))
    : undefined;
}

function matches(wanted: Set<string> | undefined, value: string | undefined) {
  return !wanted || (value !== undefined && wanted.has(value));
}

const STATUS_RANK = new Map<LifecycleStatus, number>(
  LIFECYCLE_STATUSES.map((status, rank) => [status, rank]),
);

/** Absent values sort last in either direction. */
function byOptional<T>(
  get: (cluster: LifecycleFields) => T | undefined,
  compare: (a: T, b: T) => number,
): (direction: number) => Comparator {
  return direction => (a, b) => {
    const left = get(a);
    const right = get(b);
    if (left === undefined || right === undefined) {
      return Number(left === undefined) - Number(right === undefined);
    }
    return direction * compare(left, right);
  };
}

const compareText = new Intl.Collator('en-US').compare;
const compareNumber = (a: number, b: number) => a - b;

const SORT_KEYS: Record<
  LifecycleSortField,
  Array<(direction: number) => Comparator>
> = {
  // Worst status first, then the nearest date.
  status: [
    byOptional(c => STATUS_RANK.get(c.status), compareNumber),
    byOptional(c => c.daysLeft, compareNumber),
  ],
  name: [],
  owner: [byOptional(c => c.owner, compareText)],
  environment: [byOptional(c => c.environment, compareText)],
  profile: [byOptional(c => c.profileRef, compareText)],
  reviewBy: [byOptional(c => c.reviewBy, compareText)],
  retireBy: [byOptional(c => c.retireBy, compareText)],
};

/** A sorted copy; ties are broken by name, then entity ref, so pages are stable. */
export function sortClusters<T extends LifecycleFields>(
  clusters: readonly T[],
  orderBy: LifecycleSortField = 'status',
  order: 'asc' | 'desc' = 'asc',
): T[] {
  const direction = order === 'desc' ? -1 : 1;
  const comparators = [
    ...SORT_KEYS[orderBy].map(key => key(direction)),
    (a: LifecycleFields, b: LifecycleFields) =>
      direction * compareText(a.name, b.name),
    (a: LifecycleFields, b: LifecycleFields) =>
      compareText(a.entityRef, b.entityRef),
  ];
  return [...clusters].sort((a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) {
        return result;
      }
    }
    return 0;
  });
}

/** Values present across all the clusters, for the filter pickers. */
export function lifecycleFacets(
  clusters: readonly LifecycleFields[],
): LifecyclePage['facets'] {
  const status = Object.fromEntries(
    LIFECYCLE_STATUSES.map(s => [s, 0]),
  ) as Record<LifecycleStatus, number>;
  const owner = new Set<string>();
  const environment = new Set<string>();
  const profile = new Set<string>();
  for (const cluster of clusters) {
    status[cluster.status] += 1;
    addDefined(owner, cluster.owner);
    addDefined(environment, cluster.environment);
    addDefined(profile, cluster.profileRef);
  }
  const sorted = (values: Set<string>) => [...values].sort(compareText);
  return {
    owner: sorted(owner),
    environment: sorted(environment),
    profile: sorted(profile),
    status,
  };
}

function addDefined(values: Set<string>, value: string | undefined) {
  if (value !== undefined) {
    values.add(value);
  }
}

/** Filters and sorts the clusters, without paging: what the CSV export and a page share. */
export function selectClusters<T extends LifecycleFields>(
  clusters: readonly T[],
  query: LifecycleQuery,
): T[] {
  return sortClusters(
    filterClusters(clusters, query),
    query.orderBy,
    query.order,
  );
}

/** One page of the selection; only the clusters on the page are judged. */
export function lifecyclePage<T extends LifecycleFields>(
  clusters: readonly T[],
  query: LifecycleQuery,
  judge: (page: T[]) => ClusterLifecycle[],
): LifecyclePage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? LIFECYCLE_DEFAULT_PAGE_SIZE;
  const selected = selectClusters(clusters, query);
  return {
    items: judge(selected.slice(offset, offset + limit)),
    totalItems: selected.length,
    offset,
    limit,
    facets: lifecycleFacets(clusters),
  };
}
