import {
  LIFECYCLE_SORT_FIELDS,
  LifecycleQuery,
} from '@fleet-portal/plugin-fleet-common';
import {
  clusterEntity,
  fleet,
  FIXTURE_PLATFORM_REPO,
  profiles,
  TODAY,
} from '../__fixtures__/entities';
import { buildClusterRecords } from './clusterRecords';
import { governanceJudge } from './governance';
import { LifecycleIndex } from './LifecycleIndex';
import { selectClusters } from './query';
import { lifecycleSchedule } from './schedule';

const ORIGINS = [FIXTURE_PLATFORM_REPO];
const records = buildClusterRecords(fleet, profiles, TODAY, ORIGINS);
const names = (list: { name: string }[]) => list.map(c => c.name);

function indexOf(clusters = records) {
  const judge = jest.fn(governanceJudge(clusters, TODAY));
  return { index: new LifecycleIndex(clusters, TODAY, judge), judge };
}

describe('LifecycleIndex', () => {
  const { index } = indexOf();

  const queries: LifecycleQuery[] = [
    {},
    { owner: ['team-checkout'] },
    { owner: ['Group:Default/TEAM-CHECKOUT'], orderBy: 'reviewBy' },
    { environment: ['staging', 'test'], profile: ['non-production'] },
    { status: ['ok', 'unknown'], order: 'desc' },
    { search: 'STAGING' },
    { search: '  ' },
    { environment: ['nowhere'] },
    ...LIFECYCLE_SORT_FIELDS.flatMap(orderBy => [
      { orderBy },
      { orderBy, order: 'desc' as const },
    ]),
  ];

  it.each(queries)(
    'selects what filtering and sorting the whole fleet selects: %j',
    query => {
      expect(names(index.select(query))).toEqual(
        names(selectClusters(records, query)),
      );
    },
  );

  it.each([
    [0, 3],
    [3, 3],
    [6, 3], // the last page holds the last two
    [7, 1],
    [8, 3], // just past the end: empty, with the total
    [100, 50],
  ])('pages at offset %i, limit %i', (offset, limit) => {
    const page = index.page({ offset, limit, orderBy: 'name' });
    expect(page).toMatchObject({ offset, limit, totalItems: fleet.length });
    expect(names(page.items)).toEqual(
      names(selectClusters(records, { orderBy: 'name' })).slice(
        offset,
        offset + limit,
      ),
    );
  });

  it('judges each cluster once, however many pages show it', () => {
    const { index: fresh, judge } = indexOf();
    fresh.page({ limit: 3 });
    fresh.page({ limit: 5 });
    fresh.judge(fresh.clusters);
    const judgedOnce = judge.mock.calls.flatMap(([batch]) => batch);
    expect(judgedOnce).toHaveLength(fleet.length);
    expect(new Set(judgedOnce).size).toBe(fleet.length);
  });

  it('gives the same verdicts as judging the fleet directly', () => {
    expect(index.judge(index.clusters)).toEqual(
      governanceJudge(records, TODAY)(records),
    );
  });

  it('finds one cluster by reference, without case', () => {
    expect(index.cluster('Resource:Default/PRD-EUW1-PAYMENTS-01')?.name).toBe(
      'prd-euw1-payments-01',
    );
    expect(index.cluster('resource:default/nope')).toBeUndefined();
  });

  it('carries the schedule of the selection when asked, from the same request', () => {
    const query = { owner: ['team-payments'], scheduleMonths: 12, limit: 1 };
    const page = index.page(query);
    expect(page.items).toHaveLength(1);
    expect(page.schedule).toEqual(
      lifecycleSchedule(selectClusters(records, query), TODAY, 12),
    );
    expect(page.schedule).toEqual(index.schedule(query, 12));
    expect(index.page({}).schedule).toBeUndefined();
  });
});

describe('LifecycleIndex at 10,000 clusters', () => {
  const clusters = Array.from({ length: 10_000 }, (_, i) => {
    const pod = `10.${Math.floor(i / 256)}.${i % 256}.0/24`;
    const service = `172.${16 + Math.floor(i / 4096)}.${Math.floor(
      (i % 4096) / 16,
    )}.${(i % 16) * 16}/28`;
    return clusterEntity(`c-${String(i).padStart(5, '0')}`, pod, service, {
      spec: {
        owner: `group:default/team-${String(i % 50).padStart(2, '0')}`,
        lifetime: {
          class: 'long-lived',
          created: '2025-01-01',
          reviewBy: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
        },
      },
    });
  });
  const big = buildClusterRecords(clusters, profiles, TODAY, ORIGINS);
  const { index } = indexOf(big);

  it('answers a page, a filter, a sort and one cluster in milliseconds once indexed', () => {
    index.page({}); // builds the default order
    index.page({ orderBy: 'owner' });
    const started = process.hrtime.bigint();
    const filtered = index.page({ owner: ['team-07'], scheduleMonths: 12 });
    index.page({ offset: 5_000 });
    index.page({ orderBy: 'owner', order: 'asc', offset: 200 });
    index.judge([index.cluster('resource:default/c-04242')!]);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(filtered.totalItems).toBe(200);
    // generous for a shared machine: the sweep for CIDR overlaps ran on the first page
    expect(ms).toBeLessThan(250);
  });
});
