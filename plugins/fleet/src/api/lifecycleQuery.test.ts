import { fromSearchParams, toSearchParams } from './lifecycleQuery';

describe('lifecycleQuery', () => {
  it('round-trips a query through URL parameters', () => {
    const query = {
      owner: ['group:default/a', 'group:default/b'],
      environment: ['production'],
      profile: ['clusterprofile:default/production'],
      status: ['retired' as const, 'review-overdue' as const],
      search: 'pay',
      orderBy: 'retireBy' as const,
      order: 'desc' as const,
      offset: 100,
      limit: 50,
    };
    expect(fromSearchParams(toSearchParams(query))).toEqual(query);
  });

  it('leaves out empty values', () => {
    expect(
      toSearchParams({ owner: [], search: '', offset: 0 }).toString(),
    ).toBe('');
  });

  it('drops values the backend would refuse', () => {
    expect(
      fromSearchParams(
        new URLSearchParams(
          'status=bogus&status=ok&orderBy=color&order=up&offset=-1&limit=501',
        ),
      ),
    ).toEqual({ status: ['ok'] });
  });
});

describe('the schedule of a page', () => {
  it('asks for it with the page, and never keeps it in the page URL', () => {
    expect(toSearchParams({ limit: 50, scheduleMonths: 12 }).toString()).toBe(
      'limit=50&scheduleMonths=12',
    );
    expect(fromSearchParams(new URLSearchParams('scheduleMonths=12'))).toEqual(
      {},
    );
  });
});
