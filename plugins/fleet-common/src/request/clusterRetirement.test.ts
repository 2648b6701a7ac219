import type { Entity } from '@backstage/catalog-model';
import { clusterProfile, governedCluster } from '../__fixtures__/corpus';
import type { ClusterProfileEntity } from '../types';
import { validateClusterFleetFields } from '../validation/cluster';
import { checkClusterRetirement, retireByBounds } from './clusterRetirement';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const profile = clusterProfile as ClusterProfileEntity;
// governedCluster retires by 2027-03-01; the profile reviews every 12 months
const NOW = new Date('2026-12-06T10:00:00Z');
const REF = 'resource:default/prd-euw1-payments-01';

const mark = (extra: object = {}) => ({
  cluster: REF,
  mode: 'mark' as const,
  retireBy: '2027-01-31',
  reason: 'Payments moved to prd-euw1-payments-02',
  ...extra,
});

const messages = (
  request: object,
  cluster: Entity | undefined = governedCluster,
  p: ClusterProfileEntity | undefined = profile,
) => checkClusterRetirement(request, cluster, p, NOW).map(i => i.message);

describe('checkClusterRetirement', () => {
  it('accepts marking a governed cluster retiring before its retire-by date', () => {
    expect(messages(mark())).toEqual([]);
  });

  it('accepts removing a governed cluster with a reason, without a date', () => {
    expect(
      messages({ cluster: REF, mode: 'remove', reason: 'De-provisioned' }),
    ).toEqual([]);
  });

  it.each([
    [
      'no reason',
      mark({ reason: '  ' }),
      'reason: say why the cluster is retired, in at least 10 characters',
    ],
    [
      'a reason too long',
      mark({ reason: 'x'.repeat(501) }),
      'reason: at most 500 characters',
    ],
    [
      'no mode',
      mark({ mode: 'delete' }),
      'mode: choose mark (keep the cluster, with a retire-by date) or remove (take its folder out of the platform repository)',
    ],
    [
      'no date to mark',
      mark({ retireBy: undefined }),
      'retireBy: give the date the cluster retires by',
    ],
    [
      'a date that is not one',
      mark({ retireBy: '2027-02-30' }),
      'retireBy: "2027-02-30" is not a date of the form YYYY-MM-DD',
    ],
    [
      'a date in the past',
      mark({ retireBy: '2026-12-06' }),
      'retireBy: 2026-12-06 is not in the future; the earliest is 2026-12-07',
    ],
    [
      'a date after the current retire-by',
      mark({ retireBy: '2027-03-02' }),
      'retireBy: 2027-03-02 is after 2027-03-01, its current retire-by date; retiring brings a date forward, never postpones it',
    ],
    [
      'no cluster',
      mark({ cluster: '' }),
      'cluster: choose the cluster to retire',
    ],
  ])('refuses %s, naming the field', (_name, request, message) => {
    expect(messages(request)).toEqual([message]);
  });

  it('refuses a cluster that is not in the catalog', () => {
    const request = mark({ cluster: 'resource:default/nope' });
    expect(
      checkClusterRetirement(request, undefined, undefined, NOW).map(
        i => i.message,
      ),
    ).toEqual([
      'cluster: "resource:default/nope" is not a cluster in the catalog',
    ]);
  });

  it('refuses an ungoverned cluster', () => {
    const ungoverned = clone(governedCluster);
    delete (ungoverned.spec as any).owner;
    expect(messages(mark(), ungoverned)).toEqual([
      'cluster: resource:default/prd-euw1-payments-01 is not governed (no complete owner, profile, environment and review data); retire it where it was registered',
    ]);
  });

  it('refuses to mark a cluster that is already retiring', () => {
    const retiring = clone(governedCluster);
    (retiring.spec as any).lifetime.retiring = {
      reason: 'replaced',
      requestedBy: 'user:default/priya.platform',
      requestedAt: '2026-11-01',
    };
    expect(messages(mark(), retiring)).toEqual([
      'cluster: resource:default/prd-euw1-payments-01 is already marked retiring (by user:default/priya.platform on 2026-11-01); remove it, or change its file by review',
    ]);
  });

  it("keeps a project cluster's date within the profile's maximum lifetime", () => {
    const project = clone(governedCluster);
    Object.assign((project.spec as any).lifetime, {
      class: 'project',
      created: '2026-06-01',
      retireBy: undefined,
    });
    expect(retireByBounds(project, profile, NOW)).toEqual({
      earliest: '2026-12-07',
      latest: '2027-06-01',
      latestBecause:
        "the profile's maximum lifetime of 365 days from its creation on 2026-06-01",
    });
  });

  it("keeps a long-lived cluster without a retire-by date within the profile's review interval", () => {
    const longLived = clone(governedCluster);
    delete (longLived.spec as any).lifetime.retireBy;
    expect(messages(mark({ retireBy: '2027-12-07' }), longLived)).toEqual([
      "retireBy: 2027-12-07 is after 2027-12-06, the profile's review interval of 12 months",
    ]);
  });
});

describe('lifetime.retiring in the cluster schema', () => {
  const withRetiring = (retiring: unknown) => {
    const cluster = clone(governedCluster);
    (cluster.spec as any).lifetime.retiring = retiring;
    return validateClusterFleetFields(cluster).map(i => i.path);
  };

  it('accepts who, when and why', () => {
    expect(
      withRetiring({
        reason: 'replaced',
        requestedBy: 'user:default/priya.platform',
        requestedAt: '2026-12-06',
      }),
    ).toEqual([]);
  });

  it.each([
    [
      'missing reason',
      { requestedBy: 'user:default/p', requestedAt: '2026-12-06' },
    ],
    [
      'a date that is not one',
      { reason: 'r', requestedBy: 'u', requestedAt: 'soon' },
    ],
    [
      'unknown fields',
      { reason: 'r', requestedBy: 'u', requestedAt: '2026-12-06', by: 'x' },
    ],
    ['not an object', 'retiring'],
  ])('refuses %s', (_name, retiring) => {
    expect(withRetiring(retiring).length).toBeGreaterThan(0);
  });
});
