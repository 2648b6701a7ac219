import {
  LIFECYCLE_MAX_PAGE_SIZE,
  LIFECYCLE_SORT_FIELDS,
  LIFECYCLE_STATUSES,
  type LifecycleQuery,
  type LifecycleSortField,
  type LifecycleStatus,
} from '@fleet-portal/plugin-fleet-common';

// The page keeps its state in the URL with the same parameter names the backend takes,
// so one pair of functions serves both the client and the page.

const MULTI_VALUED = ['owner', 'environment', 'profile', 'status'] as const;

/** The part of a query that selects clusters, without sorting and paging. */
export type LifecycleFilters = Pick<
  LifecycleQuery,
  'owner' | 'environment' | 'profile' | 'status' | 'search'
>;

export function filtersOf(query: LifecycleQuery): LifecycleFilters {
  const { owner, environment, profile, status, search } = query;
  return { owner, environment, profile, status, search };
}

/** The query as URL parameters; multi-valued filters repeat the parameter. Empty values are left out. */
export function toSearchParams(query: LifecycleQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of MULTI_VALUED) {
    for (const value of query[key] ?? []) {
      params.append(key, value);
    }
  }
  if (query.search) params.set('search', query.search);
  if (query.orderBy) params.set('orderBy', query.orderBy);
  if (query.order) params.set('order', query.order);
  if (query.offset) params.set('offset', String(query.offset));
  if (query.limit) params.set('limit', String(query.limit));
  if (query.scheduleMonths) {
    params.set('scheduleMonths', String(query.scheduleMonths));
  }
  return params;
}

/** Reads a query back from URL parameters, dropping values the backend would refuse. */
export function fromSearchParams(params: URLSearchParams): LifecycleQuery {
  const query: LifecycleQuery = {};
  const owner = params.getAll('owner');
  const environment = params.getAll('environment');
  const profile = params.getAll('profile');
  const status = params
    .getAll('status')
    .filter((s): s is LifecycleStatus =>
      LIFECYCLE_STATUSES.includes(s as LifecycleStatus),
    );
  if (owner.length) query.owner = owner;
  if (environment.length) query.environment = environment;
  if (profile.length) query.profile = profile;
  if (status.length) query.status = status;

  const search = params.get('search');
  if (search) query.search = search;
  const orderBy = params.get('orderBy');
  if ((LIFECYCLE_SORT_FIELDS as readonly string[]).includes(orderBy ?? '')) {
    query.orderBy = orderBy as LifecycleSortField;
  }
  const order = params.get('order');
  if (order === 'asc' || order === 'desc') query.order = order;
  const offset = toNonNegativeInteger(params.get('offset'));
  if (offset) query.offset = offset;
  const limit = toNonNegativeInteger(params.get('limit'));
  if (limit && limit <= LIFECYCLE_MAX_PAGE_SIZE) query.limit = limit;
  return query;
}

function toNonNegativeInteger(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}
