import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_FLEET_GOVERNED,
  ClusterEntity,
  ClusterProfileEntity,
  compareVersions,
  GovernanceFinding,
  isGovernedCluster,
  validateGovernedCluster,
} from '@fleet-portal/plugin-fleet-common';
import { addMonths, isCalendarDate } from './dates';

export type FindingContext = {
  /** Whether the catalog got the cluster from the platform repository; if not, it is ungoverned. */
  fromPlatformRepository: boolean;
  /** The full reference of the cluster's profile, when it names one. */
  profileRef?: string;
  /** The profile, when the catalog has it from the platform repository. */
  profile?: ClusterProfileEntity;
  /** The catalog has the profile only from elsewhere, so it is not used. */
  profileNotFromPlatformRepository?: boolean;
  today: string;
};

/** How many validation issues an `ungoverned` message spells out. */
const MAX_LISTED_ISSUES = 3;

/** Every finding about the cluster on its own; CIDR overlaps need the whole fleet (cidrOverlaps.ts). */
export function clusterFindings(
  cluster: ClusterEntity,
  context: FindingContext,
): GovernanceFinding[] {
  return [
    ...ownerFindings(cluster),
    ...profileFindings(cluster, context),
    ...dateFindings(cluster),
    ...reviewIntervalFindings(cluster, context),
    ...governanceFindings(cluster, context),
  ];
}

function ownerFindings(cluster: ClusterEntity): GovernanceFinding[] {
  if (cluster.spec.owner) {
    return [];
  }
  return [
    {
      code: 'no-owner',
      severity: 'critical',
      message: 'No owner is recorded; every cluster needs an accountable team.',
    },
  ];
}

function profileFindings(
  cluster: ClusterEntity,
  { profileRef, profile, profileNotFromPlatformRepository }: FindingContext,
): GovernanceFinding[] {
  if (!profileRef) {
    return [
      {
        code: 'no-profile',
        severity: 'critical',
        message:
          'No cluster profile is recorded; clusters must be built from an approved profile.',
      },
    ];
  }
  if (!profile) {
    return [
      {
        code: 'unknown-profile',
        severity: 'critical',
        message: profileNotFromPlatformRepository
          ? `The profile ${profileRef} is not from the platform repository, so it is not used.`
          : `The profile ${profileRef} is not in the catalog.`,
        relatedEntityRef: profileRef,
      },
    ];
  }
  return profileVersionFindings(
    cluster.spec.profileVersion,
    profileRef,
    profile,
  );
}

function profileVersionFindings(
  version: string | undefined,
  profileRef: string,
  profile: ClusterProfileEntity,
): GovernanceFinding[] {
  const current = profile.spec.version;
  const allowed = profile.spec.allowedVersions ?? [];
  const name = `profile ${profile.metadata.name}`;
  const notAllowed = (message: string): GovernanceFinding[] => [
    {
      code: 'profile-version-not-allowed',
      severity: 'critical',
      message,
      relatedEntityRef: profileRef,
    },
  ];
  if (version === undefined) {
    return notAllowed(
      `No profile version is recorded; the current version of ${name} is ${current}.`,
    );
  }
  const order = compareVersions(version, current);
  if (order === undefined) {
    return compareVersions(current, current) === undefined
      ? [] // the profile's own version is broken: nothing to compare against
      : notAllowed(`Profile version "${version}" is not a semantic version.`);
  }
  if (order === 0) {
    return [];
  }
  if (order > 0) {
    return notAllowed(
      `Profile version ${version} is newer than the current version ${current} of ${name}.`,
    );
  }
  if (allowed.some(candidate => compareVersions(version, candidate) === 0)) {
    return [
      {
        code: 'profile-version-behind',
        severity: 'warning',
        message: `Runs ${name} ${version}; the current version is ${current}.`,
        relatedEntityRef: profileRef,
      },
    ];
  }
  const accepted = [current, ...allowed].join(', ');
  return notAllowed(
    `Profile version ${version} of ${name} is no longer allowed (accepted: ${accepted}).`,
  );
}

function dateFindings(cluster: ClusterEntity): GovernanceFinding[] {
  const lifetime = cluster.spec.lifetime;
  if (lifetime?.class === 'project') {
    return lifetime.retireBy
      ? []
      : [
          {
            code: 'missing-retire-date',
            severity: 'critical',
            message:
              'A project cluster needs a retire-by date (its decommission date).',
          },
        ];
  }
  return lifetime?.reviewBy
    ? []
    : [
        {
          code: 'missing-review-date',
          severity: 'critical',
          message:
            'No review-by date is recorded; long-lived clusters are reviewed at least every year.',
        },
      ];
}

/**
 * The next review may be at most the profile's interval away: from creation while the cluster is
 * in its first interval, from today afterwards (its last review date is not recorded).
 */
function reviewIntervalFindings(
  cluster: ClusterEntity,
  { profileRef, profile, today }: FindingContext,
): GovernanceFinding[] {
  const months = profile?.spec.review?.intervalMonths;
  const { created, reviewBy } = cluster.spec.lifetime ?? {};
  if (!months || !isCalendarDate(reviewBy)) {
    return [];
  }
  const inFirstInterval =
    isCalendarDate(created) && addMonths(created, months) >= today;
  const base = inFirstInterval ? created! : today;
  const latest = addMonths(base, months);
  if (reviewBy <= latest) {
    return [];
  }
  const from = inFirstInterval ? `creation (${created})` : `today (${today})`;
  return [
    {
      code: 'review-interval-too-long',
      severity: 'warning',
      message: `Review-by ${reviewBy} is more than ${months} months after ${from}; ${profileRef} requires a review by ${latest}.`,
      relatedEntityRef: profileRef,
    },
  ];
}

/**
 * Governed means from the platform repository (the catalog-set origin, which no entity author
 * controls), not opted out, and with the complete governed set.
 */
function governanceFindings(
  cluster: ClusterEntity,
  { fromPlatformRepository }: FindingContext,
): GovernanceFinding[] {
  // Widened so that the type guard does not narrow `cluster` away below.
  if (fromPlatformRepository && isGovernedCluster(cluster as Entity)) {
    return [];
  }
  let reason: string;
  if (!fromPlatformRepository) {
    reason =
      'it is not from the platform repository (the catalog records another origin for it)';
  } else if (
    cluster.metadata.annotations?.[ANNOTATION_FLEET_GOVERNED] === 'false'
  ) {
    reason = `it is opted out with ${ANNOTATION_FLEET_GOVERNED}: "false"`;
  } else {
    reason = describeIssues(
      validateGovernedCluster(cluster).map(i => i.message),
    );
  }
  return [
    {
      code: 'ungoverned',
      severity: 'critical',
      message: `Not under fleet governance: ${reason}.`,
    },
  ];
}

function describeIssues(messages: string[]): string {
  const listed = messages.slice(0, MAX_LISTED_ISSUES).join('; ');
  const more = messages.length - MAX_LISTED_ISSUES;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}
