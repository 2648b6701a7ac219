import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import { buildClusterRecords } from './clusterRecords';
import { governanceJudge } from './governance';

describe('buildClusterRecords and governanceJudge', () => {
  const records = buildClusterRecords(fleet, profiles, TODAY);
  const judge = governanceJudge(records, TODAY);
  const lifecycles = judge(records);
  const byName = (name: string) => lifecycles.find(c => c.name === name)!;
  const codesOf = (name: string) => byName(name).findings.map(f => f.code);

  it('judges every cluster and only clusters', () => {
    expect(lifecycles.map(c => c.name)).toEqual(
      fleet.map(e => e.metadata.name),
    );
    expect(
      buildClusterRecords([...fleet, ...profiles], profiles, TODAY),
    ).toHaveLength(fleet.length);
  });

  it('describes a cluster with full references and its profile', () => {
    expect(byName('prd-euw1-payments-01')).toMatchObject({
      entityRef: 'resource:default/prd-euw1-payments-01',
      owner: 'group:default/team-payments',
      profileRef: 'clusterprofile:default/production',
      profileVersion: '3.2.0',
      profileCurrentVersion: '3.2.0',
      lifetimeClass: 'long-lived',
      created: '2026-01-10',
      reviewBy: '2026-12-01',
      retireBy: '2028-01-01',
      status: 'ok',
      daysLeft: 169,
      statusDate: '2026-12-01',
      governed: true,
    });
  });

  it('gives every status', () => {
    expect(Object.fromEntries(lifecycles.map(c => [c.name, c.status]))).toEqual(
      {
        'prd-euw1-payments-01': 'ok',
        'prd-euw1-checkout-01': 'review-due',
        'stg-euw1-checkout-01': 'review-overdue',
        'tst-euw1-reindex-01': 'retiring-soon',
        'dev-euw1-legacy-01': 'retired',
        'prd-use1-payments-01': 'ok',
        'edge-store-0042': 'unknown',
        'prd-euw1-search-01': 'ok',
      },
    );
  });

  it('gives the findings of the fleet', () => {
    expect(codesOf('prd-euw1-payments-01')).toEqual(['cidr-overlap']);
    expect(codesOf('prd-use1-payments-01')).toEqual([
      'review-interval-too-long',
      'cidr-overlap',
    ]);
    expect(codesOf('stg-euw1-checkout-01')).toEqual(['profile-version-behind']);
    expect(codesOf('dev-euw1-legacy-01')).toEqual([
      'profile-version-not-allowed',
    ]);
    expect(codesOf('edge-store-0042')).toEqual([
      'no-profile',
      'missing-review-date',
      'ungoverned',
    ]);
    expect(codesOf('prd-euw1-search-01')).toEqual(['unknown-profile']);
    expect(byName('edge-store-0042').governed).toBe(false);
    expect(byName('prd-euw1-payments-01').findings[0].relatedEntityRef).toBe(
      'resource:default/prd-use1-payments-01',
    );
  });

  it('judges a part of the fleet against the whole fleet', () => {
    const payments = records.filter(r => r.name === 'prd-euw1-payments-01');
    const [judged] = judge(payments);
    expect(judged.findings).toEqual([
      expect.objectContaining({
        code: 'cidr-overlap',
        relatedEntityRef: 'resource:default/prd-use1-payments-01',
      }),
    ]);
    expect(Object.keys(judged)).not.toContain('entity');
    expect(Object.keys(judged)).not.toContain('profile');
  });
});
