import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import { buildClusterLifecycles } from './clusterLifecycles';

describe('buildClusterLifecycles', () => {
  const lifecycles = buildClusterLifecycles(fleet, profiles, TODAY);
  const byName = (name: string) => lifecycles.find(c => c.name === name)!;
  const codesOf = (name: string) => byName(name).findings.map(f => f.code);

  it('judges every cluster and only clusters', () => {
    expect(lifecycles.map(c => c.name)).toEqual(
      fleet.map(e => e.metadata.name),
    );
    expect(
      buildClusterLifecycles([...fleet, ...profiles], profiles, TODAY),
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
});
