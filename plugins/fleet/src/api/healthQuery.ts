import {
  HEALTH_GROUP_FIELDS,
  HEALTH_SORT_FIELDS,
  HEALTH_STATUS_ORDER,
  type HealthClusterQuery,
  type HealthGroupField,
  type HealthSortField,
  type HealthStatus,
} from '@fleet-portal/plugin-fleet-common';

// The fleet health page keeps its state in the URL with the parameter names the backend takes,
// so that one pair of functions serves the client and the page (as lifecycleQuery does).

const MULTI_VALUED = [
  'environment',
  'profile',
  'owner',
  'status',
  'cluster',
] as const;

/** The part of a query that selects clusters, without order, grouping and paging. */
export type HealthFilters = Pick<
  HealthClusterQuery,
  'environment' | 'profile' | 'owner' | 'status' | 'search'
>;

export function healthFiltersOf(query: HealthClusterQuery): HealthFilters {
  const { environment, profile, owner, status, search } = query;
  return { environment, profile, owner, status, search };
}

/** Whether any filter is set (an empty selection then means "nothing matches", not "no fleet"). */
export function isHealthFiltered(query: HealthClusterQuery): boolean {
  return Boolean(
    query.environment?.length ||
      query.profile?.length ||
      query.owner?.length ||
      query.status?.length ||
      query.search,
  );
}

/** The query as URL parameters; multi-valued filters repeat the parameter. Empty values are left out. */
export function healthSearchParams(query: HealthClusterQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of MULTI_VALUED) {
    for (const value of query[key] ?? []) {
      params.append(key, value);
    }
  }
  if (query.search) params.set('search', query.search);
  if (query.groupBy) params.set('groupBy', query.groupBy);
  if (query.orderBy) params.set('orderBy', query.orderBy);
  if (query.signal) params.set('signal', query.signal);
  if (query.order) params.set('order', query.order);
  if (query.offset) params.set('offset', String(query.offset));
  if (query.limit) params.set('limit', String(query.limit));
  if (query.verdicts) params.set('verdicts', query.verdicts);
  return params;
}

/** Reads a query back from URL parameters, dropping values the backend would refuse. */
export function healthQueryFromSearchParams(
  params: URLSearchParams,
): HealthClusterQuery {
  const query: HealthClusterQuery = {};
  for (const key of ['environment', 'profile', 'owner'] as const) {
    const values = params.getAll(key);
    if (values.length) query[key] = values;
  }
  const status = params
    .getAll('status')
    .filter((s): s is HealthStatus =>
      HEALTH_STATUS_ORDER.includes(s as HealthStatus),
    );
  if (status.length) query.status = status;
  const search = params.get('search');
  if (search) query.search = search;
  const groupBy = params.get('groupBy');
  if ((HEALTH_GROUP_FIELDS as readonly string[]).includes(groupBy ?? '')) {
    query.groupBy = groupBy as HealthGroupField;
  }
  const orderBy = params.get('orderBy');
  const signal = params.get('signal');
  if ((HEALTH_SORT_FIELDS as readonly string[]).includes(orderBy ?? '')) {
    if (orderBy !== 'signal' || signal) {
      query.orderBy = orderBy as HealthSortField;
      if (orderBy === 'signal') query.signal = signal!;
    }
  }
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  const offset = Number(params.get('offset'));
  if (Number.isInteger(offset) && offset > 0) query.offset = offset;
  return query;
}
