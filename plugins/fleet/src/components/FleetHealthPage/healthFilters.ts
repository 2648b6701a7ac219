import {
  HEALTH_STATUS_ORDER,
  type ClusterHealth,
  type HealthStatus,
} from '@fleet-portal/plugin-fleet-common';

export type HealthFilters = {
  status: HealthStatus[];
  environment: string[];
  search?: string;
};

/** The environment of clusters that report none (unregistered clusters, missing label). */
export const NO_ENVIRONMENT = '(no environment)';

export function filtersFromSearchParams(
  params: URLSearchParams,
): HealthFilters {
  const search = params.get('search') ?? undefined;
  return {
    status: params
      .getAll('status')
      .filter((s): s is HealthStatus =>
        HEALTH_STATUS_ORDER.includes(s as HealthStatus),
      ),
    environment: params.getAll('environment'),
    ...(search ? { search } : {}),
  };
}

export function filtersToSearchParams(filters: HealthFilters): URLSearchParams {
  const params = new URLSearchParams();
  filters.status.forEach(s => params.append('status', s));
  filters.environment.forEach(e => params.append('environment', e));
  if (filters.search) params.set('search', filters.search);
  return params;
}

export function matchesFilters(
  cluster: ClusterHealth,
  filters: HealthFilters,
): boolean {
  if (filters.status.length && !filters.status.includes(cluster.status)) {
    return false;
  }
  const environment = cluster.environment ?? NO_ENVIRONMENT;
  if (
    filters.environment.length &&
    !filters.environment.includes(environment)
  ) {
    return false;
  }
  const search = filters.search?.trim().toLocaleLowerCase('en-US');
  return !search || cluster.cluster.toLocaleLowerCase('en-US').includes(search);
}

/** Clusters grouped by environment (sorted by name), each group worst first, then by name. */
export function groupByEnvironment(
  clusters: ClusterHealth[],
): Array<[string, ClusterHealth[]]> {
  const groups = new Map<string, ClusterHealth[]>();
  for (const cluster of clusters) {
    const environment = cluster.environment ?? NO_ENVIRONMENT;
    const group = groups.get(environment) ?? [];
    group.push(cluster);
    groups.set(environment, group);
  }
  const rank = (s: HealthStatus) => HEALTH_STATUS_ORDER.indexOf(s);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([environment, group]) => [
      environment,
      group.sort(
        (a, b) =>
          rank(a.status) - rank(b.status) || a.cluster.localeCompare(b.cluster),
      ),
    ]);
}
