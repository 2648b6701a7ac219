import type { ClusterHealth } from '@fleet-portal/plugin-fleet-common';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  groupByEnvironment,
  matchesFilters,
  NO_ENVIRONMENT,
} from './healthFilters';

const cluster = (
  name: string,
  status: ClusterHealth['status'],
  environment?: string,
): ClusterHealth => ({ cluster: name, status, environment, signals: [] });

describe('healthFilters', () => {
  it('round-trips through URL parameters and drops unknown statuses', () => {
    const filters = {
      status: ['critical' as const],
      environment: ['production'],
      search: 'pay',
    };
    expect(filtersFromSearchParams(filtersToSearchParams(filters))).toEqual(
      filters,
    );
    expect(
      filtersFromSearchParams(new URLSearchParams('status=bogus')).status,
    ).toEqual([]);
  });

  it('filters by status, environment and name', () => {
    const c = cluster('prd-euw1-payments-01', 'critical', 'production');
    expect(matchesFilters(c, { status: [], environment: [] })).toBe(true);
    expect(matchesFilters(c, { status: ['ok'], environment: [] })).toBe(false);
    expect(matchesFilters(c, { status: [], environment: ['staging'] })).toBe(
      false,
    );
    expect(
      matchesFilters(c, { status: [], environment: [], search: 'PAY' }),
    ).toBe(true);
  });

  it('groups by environment, worst first', () => {
    const groups = groupByEnvironment([
      cluster('b', 'ok', 'production'),
      cluster('a', 'unknown', 'production'),
      cluster('c', 'critical', 'production'),
      cluster('legacy', 'unknown'),
    ]);
    expect(groups.map(([env, cs]) => [env, cs.map(c => c.cluster)])).toEqual([
      [NO_ENVIRONMENT, ['legacy']],
      ['production', ['c', 'a', 'b']],
    ]);
  });
});
