import {
  fleet,
  FIXTURE_PLATFORM_REPO,
  profiles,
  TODAY,
} from '../__fixtures__/entities';
import { buildClusterRecords } from './clusterRecords';
import { governanceJudge } from './governance';
import { LIFECYCLE_DEFAULT_PAGE_SIZE } from '@fleet-portal/plugin-fleet-common';
import {
  filterClusters,
  lifecycleFacets,
  lifecyclePage,
  sortClusters,
} from './query';

const clusters = buildClusterRecords(fleet, profiles, TODAY, [
  FIXTURE_PLATFORM_REPO,
]);
const judge = governanceJudge(clusters, TODAY);
const names = (list: { name: string }[]) => list.map(c => c.name);

describe('filterClusters', () => {
  it('matches owners by full or short reference, case-insensitively', () => {
    expect(
      names(filterClusters(clusters, { owner: ['team-checkout'] })),
    ).toEqual(['prd-euw1-checkout-01', 'stg-euw1-checkout-01']);
    expect(
      filterClusters(clusters, { owner: ['Group:Default/TEAM-CHECKOUT'] }),
    ).toHaveLength(2);
  });

  it('ORs values within a field and ANDs across fields', () => {
    expect(
      names(
        filterClusters(clusters, {
          environment: ['staging', 'test'],
          profile: ['non-production'],
          status: ['retiring-soon', 'review-overdue'],
        }),
      ),
    ).toEqual(['stg-euw1-checkout-01', 'tst-euw1-reindex-01']);
    expect(
      filterClusters(clusters, { environment: ['staging'], status: ['ok'] }),
    ).toEqual([]);
  });

  it('searches name, title and purpose', () => {
    expect(names(filterClusters(clusters, { search: 'STAGING' }))).toEqual([
      'stg-euw1-checkout-01',
    ]);
    expect(names(filterClusters(clusters, { search: 'runs tst' }))).toEqual([
      'tst-euw1-reindex-01',
    ]);
    expect(filterClusters(clusters, { search: '  ' })).toHaveLength(
      fleet.length,
    );
  });
});

describe('sortClusters', () => {
  it('puts the worst status first, then the nearest date', () => {
    expect(names(sortClusters(clusters))).toEqual([
      'dev-euw1-legacy-01',
      'stg-euw1-checkout-01',
      'tst-euw1-reindex-01',
      'prd-euw1-checkout-01',
      'prd-euw1-payments-01',
      'prd-euw1-search-01',
      'prd-use1-payments-01',
      'edge-store-0042',
    ]);
  });

  it('keeps absent values last in either direction', () => {
    const byRetire = names(sortClusters(clusters, 'retireBy', 'asc'));
    expect(byRetire.slice(0, 2)).toEqual([
      'dev-euw1-legacy-01',
      'tst-euw1-reindex-01',
    ]);
    expect(byRetire.slice(-4)).toEqual([
      'edge-store-0042',
      'prd-euw1-checkout-01',
      'prd-use1-payments-01',
      'stg-euw1-checkout-01',
    ]);
    const descending = names(sortClusters(clusters, 'retireBy', 'desc'));
    expect(descending[0]).toBe('prd-euw1-search-01');
    expect(descending.slice(-4)).toEqual([
      'stg-euw1-checkout-01',
      'prd-use1-payments-01',
      'prd-euw1-checkout-01',
      'edge-store-0042',
    ]);
  });

  it('sorts by name in both directions', () => {
    const ascending = names(sortClusters(clusters, 'name'));
    expect(ascending).toEqual([...ascending].sort());
    expect(names(sortClusters(clusters, 'name', 'desc'))).toEqual(
      [...ascending].reverse(),
    );
  });

  it('breaks ties by name', () => {
    expect(names(sortClusters(clusters, 'owner')).slice(1, 3)).toEqual([
      'prd-euw1-checkout-01',
      'stg-euw1-checkout-01',
    ]);
  });
});

describe('lifecyclePage', () => {
  it('pages the sorted selection and reports its total', () => {
    const page = lifecyclePage(
      clusters,
      { orderBy: 'name', offset: 2, limit: 3 },
      judge,
    );
    expect(page.totalItems).toBe(fleet.length);
    expect(page.offset).toBe(2);
    expect(page.limit).toBe(3);
    expect(names(page.items)).toEqual(
      names(sortClusters(clusters, 'name')).slice(2, 5),
    );
  });

  it('judges only the clusters on the page', () => {
    const spy = jest.fn(judge);
    const page = lifecyclePage(clusters, { limit: 2 }, spy);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0][0]).toHaveLength(2);
    expect(page.items[0]).toMatchObject({
      name: 'dev-euw1-legacy-01',
      governed: true,
      findings: [
        expect.objectContaining({ code: 'profile-version-not-allowed' }),
      ],
    });
  });

  it('defaults to the first 50, worst first', () => {
    const page = lifecyclePage(clusters, {}, judge);
    expect(page.limit).toBe(LIFECYCLE_DEFAULT_PAGE_SIZE);
    expect(page.items[0].name).toBe('dev-euw1-legacy-01');
  });

  it('takes facets from the whole fleet, not the filtered page', () => {
    const page = lifecyclePage(clusters, { status: ['retired'] }, judge);
    expect(page.totalItems).toBe(1);
    expect(page.facets).toEqual(lifecycleFacets(clusters));
    expect(page.facets).toEqual({
      owner: [
        'group:default/retail-ops',
        'group:default/team-checkout',
        'group:default/team-payments',
        'group:default/team-search',
      ],
      environment: ['development', 'edge', 'production', 'staging', 'test'],
      profile: [
        'clusterprofile:default/non-production',
        'clusterprofile:default/production',
        'clusterprofile:default/regulated',
      ],
      status: {
        retired: 1,
        'review-overdue': 1,
        'retiring-soon': 1,
        'review-due': 1,
        ok: 3,
        unknown: 1,
      },
    });
  });
});
