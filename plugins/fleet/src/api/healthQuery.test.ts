import {
  healthQueryFromSearchParams,
  healthSearchParams,
  isHealthFiltered,
} from './healthQuery';

describe('healthQuery', () => {
  it('round-trips a query through URL parameters', () => {
    const query = {
      environment: ['production', 'edge'],
      profile: ['clusterprofile:default/edge'],
      owner: ['group:default/team-a'],
      status: ['critical' as const, 'unknown' as const],
      search: 'store',
      groupBy: 'owner' as const,
      orderBy: 'signal' as const,
      signal: 'cni-calico',
      order: 'desc' as const,
      offset: 100,
    };
    expect(healthQueryFromSearchParams(healthSearchParams(query))).toEqual(
      query,
    );
  });

  it('drops values the backend would refuse', () => {
    expect(
      healthQueryFromSearchParams(
        new URLSearchParams(
          'status=bogus&status=ok&groupBy=colour&orderBy=signal&order=up&offset=-1',
        ),
      ),
    ).toEqual({ status: ['ok'] });
  });

  it('knows a filtered query', () => {
    expect(isHealthFiltered({ groupBy: 'environment', offset: 50 })).toBe(
      false,
    );
    expect(isHealthFiltered({ owner: ['team-a'] })).toBe(true);
  });
});
