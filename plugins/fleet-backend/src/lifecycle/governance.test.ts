import { Entity } from '@backstage/catalog-model';
import {
  clusterEntity,
  fleet,
  FIXTURE_PLATFORM_REPO,
  profileEntity,
  profiles,
  registeredFrom,
  TODAY,
} from '../__fixtures__/entities';
import { buildClusterRecords } from './clusterRecords';
import { governanceJudge } from './governance';

const ORIGINS = [FIXTURE_PLATFORM_REPO];

describe('buildClusterRecords and governanceJudge', () => {
  const records = buildClusterRecords(fleet, profiles, TODAY, ORIGINS);
  const judge = governanceJudge(records, TODAY);
  const lifecycles = judge(records);
  const byName = (name: string) => lifecycles.find(c => c.name === name)!;
  const codesOf = (name: string) => byName(name).findings.map(f => f.code);

  it('judges every cluster and only clusters', () => {
    expect(lifecycles.map(c => c.name)).toEqual(
      fleet.map(e => e.metadata.name),
    );
    expect(
      buildClusterRecords([...fleet, ...profiles], profiles, TODAY, ORIGINS),
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

describe('entities that are not from the platform repository', () => {
  const MALLORY = 'https://github.com/mallory/catalog/blob/main';
  // The payments cluster's YAML, complete and valid, in another catalog namespace.
  const spoofedCluster = registeredFrom(
    clusterEntity('prd-euw1-payments-01', '10.64.0.0/16', '10.96.0.0/20', {
      namespace: 'mallory',
    }),
    `${MALLORY}/cluster.yaml`,
  );
  // A `regulated` profile (the repository has none) registered from a URL.
  const spoofedProfile = registeredFrom(
    profileEntity('regulated', '9.9.9'),
    `${MALLORY}/profile.yaml`,
  );

  function judged(entities: Entity[], profileEntities: Entity[]) {
    const records = buildClusterRecords(
      entities,
      profileEntities,
      TODAY,
      ORIGINS,
    );
    const lifecycles = governanceJudge(records, TODAY)(records);
    return (ref: string) => lifecycles.find(c => c.entityRef === ref)!;
  }

  it('shows a cluster registered elsewhere as ungoverned, and its CIDRs overlap nothing', () => {
    const byRef = judged([...fleet, spoofedCluster], profiles);
    const spoof = byRef('resource:mallory/prd-euw1-payments-01');
    expect(spoof.governed).toBe(false);
    expect(spoof.findings).toEqual([
      {
        code: 'ungoverned',
        severity: 'critical',
        message:
          'Not under fleet governance: it is not from the platform repository (the catalog records another origin for it).',
      },
    ]);
    // the real cluster's findings are what they were without the copy
    expect(byRef('resource:default/prd-euw1-payments-01')).toMatchObject({
      governed: true,
      findings: [
        expect.objectContaining({
          code: 'cidr-overlap',
          relatedEntityRef: 'resource:default/prd-use1-payments-01',
        }),
      ],
    });
  });

  it('never uses a profile registered elsewhere', () => {
    const byRef = judged(fleet, [...profiles, spoofedProfile]);
    const search = byRef('resource:default/prd-euw1-search-01');
    expect(search.profileCurrentVersion).toBeUndefined();
    expect(search.findings).toEqual([
      {
        code: 'unknown-profile',
        severity: 'critical',
        message:
          'The profile clusterprofile:default/regulated is not from the platform repository, so it is not used.',
        relatedEntityRef: 'clusterprofile:default/regulated',
      },
    ]);
  });
});
