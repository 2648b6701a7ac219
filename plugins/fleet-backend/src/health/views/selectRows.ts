import {
  HEALTH_STATUS_ORDER,
  HealthClusterQuery,
  HealthGroupField,
  HealthSortField,
  HealthStatusCounts,
} from '@fleet-portal/plugin-fleet-common';
import { fullRef, refKey } from '../../lifecycle/refs';
import { FleetRow, JudgedFleet } from './judgedFleet';

const compareText = new Intl.Collator('en-US').compare;

type Comparator = (a: number, b: number) => number;

/** Absent values last in either direction. */
function byText(
  rows: readonly FleetRow[],
  get: (row: FleetRow) => string | undefined,
  direction: number,
): Comparator {
  return (a, b) => {
    const left = get(rows[a]);
    const right = get(rows[b]);
    if (left === undefined || right === undefined) {
      return Number(left === undefined) - Number(right === undefined);
    }
    return direction * compareText(left, right);
  };
}

const environmentOf = (row: FleetRow) => row.catalog?.environment;

/**
 * The order of one sort: the chosen key in the chosen direction, then worst status first, then
 * environment, then name (the stable tie-breakers of every order, so that pages do not shift).
 */
function comparator(
  fleet: JudgedFleet,
  orderBy: HealthSortField,
  direction: number,
  signalIndex: number,
): Comparator {
  const { rows, overall, codes } = fleet;
  const width = fleet.signals.length;
  const byStatus: Comparator = (a, b) => overall[a] - overall[b];
  const byEnvironment = byText(rows, environmentOf, 1);
  const byName: Comparator = (a, b) =>
    compareText(rows[a].name, rows[b].name) ||
    compareText(
      rows[a].catalog?.entityRef ?? '',
      rows[b].catalog?.entityRef ?? '',
    );
  const keys: Comparator[] = (() => {
    switch (orderBy) {
      case 'signal':
        return [
          (a, b) =>
            direction *
            (codes[a * width + signalIndex] - codes[b * width + signalIndex]),
          byStatus,
          byEnvironment,
        ];
      case 'name':
        return [(a, b) => direction * byName(a, b)];
      case 'environment':
        return [byText(rows, environmentOf, direction), byStatus];
      case 'profile':
        return [
          byText(rows, r => r.catalog?.profileRef, direction),
          byStatus,
          byEnvironment,
        ];
      case 'owner':
        return [
          byText(rows, r => r.catalog?.owner, direction),
          byStatus,
          byEnvironment,
        ];
      case 'status':
      default:
        return [(a, b) => direction * byStatus(a, b), byEnvironment];
    }
  })();
  const all = [...keys, byName];
  return (a, b) => {
    for (const compare of all) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

/** Sorted orders of every row, built on first use per order and kept with the judged fleet. */
export class SortedOrders {
  private readonly orders = new Map<string, Uint32Array>();

  constructor(private readonly fleet: JudgedFleet) {}

  get(orderBy: HealthSortField, order: 'asc' | 'desc', signal?: string) {
    const signalIndex =
      orderBy === 'signal'
        ? this.fleet.signals.findIndex(s => s.id === signal)
        : -1;
    const key = `${orderBy}|${order}|${signalIndex}`;
    let sorted = this.orders.get(key);
    if (!sorted) {
      const indices = Array.from(this.fleet.rows, (_, i) => i);
      indices.sort(
        comparator(this.fleet, orderBy, order === 'desc' ? -1 : 1, signalIndex),
      );
      sorted = Uint32Array.from(indices);
      this.orders.set(key, sorted);
    }
    return sorted;
  }
}

function keySet(values: string[] | undefined, kind?: string) {
  if (!values?.length) return undefined;
  return new Set(
    values.map(value =>
      kind ? refKey(fullRef(value, kind)) : value.toLocaleLowerCase('en-US'),
    ),
  );
}

/** Whether a row passes the filters of a query (OR within a field, AND across fields). */
export function rowFilter(
  fleet: JudgedFleet,
  query: HealthClusterQuery,
): ((row: number) => boolean) | undefined {
  const environments = keySet(query.environment);
  const profiles = keySet(query.profile, 'clusterprofile');
  const owners = keySet(query.owner, 'group');
  const statuses = query.status?.length
    ? new Set(query.status.map(s => HEALTH_STATUS_ORDER.indexOf(s)))
    : undefined;
  const clusters = query.cluster?.length ? new Set(query.cluster) : undefined;
  const search = query.search?.trim().toLocaleLowerCase('en-US');
  if (
    !environments &&
    !profiles &&
    !owners &&
    !statuses &&
    !clusters &&
    !search
  ) {
    return undefined;
  }
  const matches = (wanted: Set<string> | undefined, value?: string) =>
    !wanted || (value !== undefined && wanted.has(value));
  return index => {
    const row = fleet.rows[index];
    return (
      matches(environments, row.environmentKey) &&
      matches(profiles, row.profileKey) &&
      matches(owners, row.ownerKey) &&
      (!statuses || statuses.has(fleet.overall[index])) &&
      (!clusters || clusters.has(row.name)) &&
      (!search || row.search.includes(search))
    );
  };
}

export type GroupCounts = { total: number; byStatus: HealthStatusCounts };

export type Selection = {
  /** Row indices in the order of the query. */
  rows: number[];
  /** Per selected row, its group label, when the query groups. */
  groupOf?: (position: number) => string;
  /** Per group label: how many of the selection it holds, by status. */
  groupCounts?: Map<string, GroupCounts>;
};

/** The group label of a row; clusters without a value share one group. */
export function groupLabel(row: FleetRow, field: HealthGroupField): string {
  const values: Record<HealthGroupField, string | undefined> = {
    environment: row.catalog?.environment,
    profile: row.catalog?.profileRef,
    owner: row.catalog?.owner,
  };
  return values[field] ?? `(no ${field})`;
}

function emptyCounts(): GroupCounts {
  return {
    total: 0,
    byStatus: Object.fromEntries(
      HEALTH_STATUS_ORDER.map(s => [s, 0]),
    ) as HealthStatusCounts,
  };
}

/**
 * The rows a query selects, in its order. Grouped, the groups come in the order of their first
 * row (so worst first by default) and keep the order inside each group.
 */
export function selectRows(
  fleet: JudgedFleet,
  orders: SortedOrders,
  query: HealthClusterQuery,
): Selection {
  const sorted = orders.get(
    query.orderBy ?? 'status',
    query.order ?? 'asc',
    query.signal,
  );
  const keep = rowFilter(fleet, query);
  const rows: number[] = [];
  for (const index of sorted) {
    if (!keep || keep(index)) rows.push(index);
  }
  if (!query.groupBy) return { rows };

  const field = query.groupBy;
  const groups = new Map<string, number[]>();
  const groupCounts = new Map<string, GroupCounts>();
  for (const index of rows) {
    const label = groupLabel(fleet.rows[index], field);
    let members = groups.get(label);
    if (!members) {
      members = [];
      groups.set(label, members);
      groupCounts.set(label, emptyCounts());
    }
    members.push(index);
    const counts = groupCounts.get(label)!;
    counts.total += 1;
    counts.byStatus[HEALTH_STATUS_ORDER[fleet.overall[index]]] += 1;
  }
  const grouped: number[] = [];
  const labels: string[] = [];
  for (const [label, members] of groups) {
    for (const index of members) {
      grouped.push(index);
      labels.push(label);
    }
  }
  return {
    rows: grouped,
    groupOf: position => labels[position],
    groupCounts,
  };
}
