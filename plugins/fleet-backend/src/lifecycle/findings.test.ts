import {
  ClusterEntity,
  ClusterProfileEntity,
  GovernanceFindingCode,
} from '@fleet-portal/plugin-fleet-common';
import {
  clusterEntity,
  ClusterOptions,
  profileEntity,
  TODAY,
} from '../__fixtures__/entities';
import { clusterFindings, FindingContext } from './findings';

const PROFILE_REF = 'clusterprofile:default/production';
const profile = profileEntity('production', '3.2.0', [
  '3.1.0',
]) as ClusterProfileEntity;

function findingsOf(
  spec: ClusterOptions['spec'] = {},
  context: Partial<FindingContext> = {},
  annotations: Record<string, string> = {},
) {
  const cluster = clusterEntity(
    'prd-euw1-payments-01',
    '10.64.0.0/16',
    '10.96.0.0/20',
    {
      spec,
      annotations,
    },
  ) as ClusterEntity;
  return clusterFindings(cluster, {
    fromPlatformRepository: true,
    profileRef: PROFILE_REF,
    profile,
    today: TODAY,
    ...context,
  });
}

const codes = (findings: { code: GovernanceFindingCode }[]) =>
  findings.map(f => f.code);

describe('clusterFindings', () => {
  it('finds nothing wrong with a governed cluster on its current profile version', () => {
    expect(findingsOf()).toEqual([]);
  });

  it('no-owner, and so ungoverned', () => {
    const findings = findingsOf({ owner: undefined });
    expect(codes(findings)).toEqual(['no-owner', 'ungoverned']);
    expect(findings[0].severity).toBe('critical');
    expect(findings[1].message).toContain('spec.owner');
  });

  it('no-profile', () => {
    expect(
      codes(
        findingsOf(
          { profile: undefined },
          { profileRef: undefined, profile: undefined },
        ),
      ),
    ).toEqual(['no-profile', 'ungoverned']);
  });

  it('unknown-profile names the missing profile', () => {
    const [finding] = findingsOf({}, { profile: undefined });
    expect(finding).toEqual({
      code: 'unknown-profile',
      severity: 'critical',
      message: `The profile ${PROFILE_REF} is not in the catalog.`,
      relatedEntityRef: PROFILE_REF,
    });
  });

  it('profile-version-behind: an older version the profile still allows', () => {
    const [finding] = findingsOf({ profileVersion: '3.1.0' });
    expect(finding).toMatchObject({
      code: 'profile-version-behind',
      severity: 'warning',
      relatedEntityRef: PROFILE_REF,
    });
    expect(finding.message).toContain('3.1.0');
    expect(finding.message).toContain('3.2.0');
  });

  it.each([
    ['3.0.0', 'no longer allowed'],
    ['3.3.0', 'newer than the current version'],
    ['3.2', 'not a semantic version'],
  ])('profile-version-not-allowed: %s', (version, reason) => {
    const findings = findingsOf({ profileVersion: version });
    expect(findings[0]).toMatchObject({
      code: 'profile-version-not-allowed',
      severity: 'critical',
    });
    expect(findings[0].message).toContain(reason);
  });

  it('profile-version-not-allowed when no version is recorded', () => {
    expect(codes(findingsOf({ profileVersion: undefined }))).toEqual([
      'profile-version-not-allowed',
      'ungoverned',
    ]);
  });

  it('compares versions by precedence, not text', () => {
    expect(findingsOf({ profileVersion: '3.2.0+build.7' })).toEqual([]);
  });

  it('missing-review-date on a long-lived cluster', () => {
    expect(
      codes(
        findingsOf({
          lifetime: { class: 'long-lived', created: '2026-01-10' },
        }),
      ),
    ).toEqual(['missing-review-date', 'ungoverned']);
  });

  it('missing-retire-date on a project cluster', () => {
    expect(
      codes(
        findingsOf({
          lifetime: {
            class: 'project',
            created: '2026-01-10',
            reviewBy: '2026-09-01',
          },
        }),
      ),
    ).toEqual(['missing-retire-date', 'ungoverned']);
  });

  it('review-interval-too-long from creation during the first interval', () => {
    const [finding] = findingsOf({
      lifetime: { created: '2026-01-10', reviewBy: '2027-01-11' },
    });
    expect(finding).toMatchObject({
      code: 'review-interval-too-long',
      severity: 'warning',
    });
    expect(finding.message).toContain('creation (2026-01-10)');
    expect(finding.message).toContain('2027-01-10');
    expect(
      findingsOf({
        lifetime: { created: '2026-01-10', reviewBy: '2027-01-10' },
      }),
    ).toEqual([]);
  });

  it('review-interval-too-long from today after the first interval', () => {
    const lifetime = (reviewBy: string) => ({
      lifetime: { created: '2024-01-10', reviewBy },
    });
    expect(findingsOf(lifetime('2027-06-15'))).toEqual([]);
    const [finding] = findingsOf(lifetime('2027-06-16'));
    expect(finding.code).toBe('review-interval-too-long');
    expect(finding.message).toContain(`today (${TODAY})`);
  });

  it('ungoverned when opted out, even with the governed set', () => {
    const findings = findingsOf(
      {},
      {},
      { 'fleet-portal.dev/governed': 'false' },
    );
    expect(codes(findings)).toEqual(['ungoverned']);
    expect(findings[0].message).toContain('opted out');
  });

  it('ungoverned lists a few of the missing fields', () => {
    const [finding] = findingsOf({
      purpose: undefined,
      region: undefined,
      environment: undefined,
      network: undefined,
    }).filter(f => f.code === 'ungoverned');
    expect(finding.message).toMatch(/spec\.purpose.*; and \d+ more\.$/);
  });
});
