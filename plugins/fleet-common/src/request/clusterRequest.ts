import type { Environment, LifetimeClass } from '../constants';
import { validateClusterName } from '../naming';
import type { ClusterProfileEntity, NodeRange } from '../types';
import { FleetValidationIssue, issue } from '../validation/issues';
import { compareVersions } from '../validation/versions';
import {
  addDays,
  addMonths,
  calendarToday,
  formatCalendarDate,
  parseCalendarDate,
} from './dates';

/** What a platform owner asks for when requesting a new cluster (the template's parameters). */
export type ClusterRequest = {
  name: string;
  /** Entity ref of the ClusterProfile; the kind defaults to clusterprofile. */
  profile: string;
  /** Absent: the profile's current version. */
  profileVersion?: string;
  /** Entity ref of the owning group; the kind defaults to group. */
  owner: string;
  purpose: string;
  description?: string;
  environment: Environment;
  environmentGroup: string;
  region: string;
  site?: string;
  nodes: { controlPlane: number; workers: number };
  lifetime: {
    class: LifetimeClass;
    /** YYYY-MM-DD; required for long-lived clusters. */
    reviewBy?: string;
    /** YYYY-MM-DD; required for project clusters. */
    retireBy?: string;
  };
  /** The node subnet, when the site already has one. */
  nodeCidr?: string;
};

/** Long-lived clusters are reviewed at least annually (domain rule). */
export const MAX_REVIEW_MONTHS = 12;

/** Environments that fit each profile type. */
const ENVIRONMENTS_BY_PROFILE_TYPE: Record<string, readonly Environment[]> = {
  production: ['production'],
  regulated: ['production'],
  'non-production': ['staging', 'development', 'test'],
  edge: ['edge'],
};

/** The environments a cluster of this profile may be in; undefined when any fits. */
export function environmentsFor(
  profile: ClusterProfileEntity,
): readonly Environment[] | undefined {
  return ENVIRONMENTS_BY_PROFILE_TYPE[profile.spec.type];
}

/** The profile versions a new cluster may be built from: the current one first. */
export function acceptedProfileVersions(
  profile: ClusterProfileEntity,
): string[] {
  return [profile.spec.version, ...(profile.spec.allowedVersions ?? [])];
}

/** The node counts a profile allows, with the minimum as the form's default. */
export function nodeBounds(profile: ClusterProfileEntity) {
  const bounds = (range: NodeRange | undefined) => ({
    min: range?.min ?? 0,
    max: range?.max,
  });
  return {
    controlPlane: bounds(profile.spec.nodes?.controlPlane),
    workers: bounds(profile.spec.nodes?.workers),
  };
}

/**
 * The dates a request may name, `YYYY-MM-DD`: from tomorrow, a review-by at most the profile's
 * review interval (at most 12 months) ahead, a project's retire-by within its maximum lifetime.
 */
export function lifetimeBounds(profile: ClusterProfileEntity, now: Date) {
  const today = calendarToday(now);
  const maxDays = profile.spec.review?.maxLifetimeDays;
  return {
    earliest: formatCalendarDate(addDays(today, 1)),
    reviewMonths: reviewMonths(profile),
    latestReviewBy: formatCalendarDate(addMonths(today, reviewMonths(profile))),
    latestRetireBy:
      maxDays === undefined
        ? undefined
        : formatCalendarDate(addDays(today, maxDays)),
  };
}

function reviewMonths(profile: ClusterProfileEntity) {
  return Math.min(
    MAX_REVIEW_MONTHS,
    profile.spec.review?.intervalMonths ?? MAX_REVIEW_MONTHS,
  );
}

/**
 * The rules of a cluster request that need only the request and its profile (no catalog, no
 * platform repository). Every broken rule is returned, not only the first. The new-cluster
 * form fields and the fleet:cluster actions both call this.
 */
export function checkClusterRequestAgainstProfile(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
  now: Date,
): FleetValidationIssue[] {
  return [
    ...validateClusterName(request.name, profile, 'name'),
    ...checkVersion(request, profile),
    ...checkText('purpose', request.purpose, 'give the purpose of the cluster'),
    ...checkText(
      'environmentGroup',
      request.environmentGroup,
      'give the place in the environment hierarchy (e.g. far-edge, non-production)',
    ),
    ...checkText('region', request.region, 'give the region'),
    ...checkEnvironment(request, profile),
    ...checkNodes(
      'nodes.controlPlane',
      request.nodes?.controlPlane,
      profile.spec.nodes?.controlPlane,
      profile,
    ),
    ...checkNodes(
      'nodes.workers',
      request.nodes?.workers,
      profile.spec.nodes?.workers,
      profile,
    ),
    ...checkLifetime(request, profile, now),
  ];
}

/** The profile version a request resolves to: the one asked for, else the current one. */
export function requestedProfileVersion(
  request: Pick<ClusterRequest, 'profileVersion'>,
  profile: ClusterProfileEntity,
): string {
  return request.profileVersion?.trim() || profile.spec.version;
}

function checkVersion(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
): FleetValidationIssue[] {
  const version = requestedProfileVersion(request, profile);
  const accepted = acceptedProfileVersions(profile);
  if (accepted.some(candidate => compareVersions(candidate, version) === 0)) {
    return [];
  }
  return [
    issue(
      'profileVersion',
      `${version} of profile ${
        profile.metadata.name
      } is neither current nor allowed for new clusters (accepted: ${accepted.join(
        ', ',
      )})`,
    ),
  ];
}

function checkText(field: string, value: string | undefined, hint: string) {
  return value?.trim() ? [] : [issue(field, `is required — ${hint}`)];
}

function checkEnvironment(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
): FleetValidationIssue[] {
  const fitting = environmentsFor(profile);
  if (!fitting || fitting.includes(request.environment)) {
    return [];
  }
  return [
    issue(
      'environment',
      `${request.environment} does not fit a ${
        profile.spec.type
      } profile (expected ${fitting.join(' or ')})`,
    ),
  ];
}

function checkNodes(
  field: string,
  count: number | undefined,
  range: NodeRange | undefined,
  profile: ClusterProfileEntity,
): FleetValidationIssue[] {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    return [
      issue(field, `must be a whole number of nodes, 0 or more (got ${count})`),
    ];
  }
  const min = range?.min ?? 0;
  const max = range?.max ?? Number.POSITIVE_INFINITY;
  if (count >= min && count <= max) {
    return [];
  }
  const bounds = Number.isFinite(max) ? `${min}–${max}` : `at least ${min}`;
  return [
    issue(
      field,
      `${count} is outside the bounds of profile ${profile.metadata.name} (${bounds})`,
    ),
  ];
}

function checkLifetime(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
  now: Date,
): FleetValidationIssue[] {
  const today = calendarToday(now);
  const lifetime = request.lifetime ?? { class: 'long-lived' };
  if (lifetime.class === 'project') {
    const maxDays = profile.spec.review?.maxLifetimeDays;
    const latest = maxDays === undefined ? undefined : addDays(today, maxDays);
    const problems = checkFutureDate(
      'lifetime.retireBy',
      lifetime.retireBy,
      today,
      latest,
      maxDays === undefined
        ? ''
        : `the maximum lifetime of a project cluster on profile ${profile.metadata.name} is ${maxDays} days`,
      'a project cluster needs a retire-by (decommission) date',
    );
    if (lifetime.reviewBy !== undefined && lifetime.reviewBy !== '') {
      problems.push(
        ...checkOptionalReview(lifetime.reviewBy, lifetime.retireBy),
      );
    }
    return problems;
  }
  const months = reviewMonths(profile);
  return [
    ...checkFutureDate(
      'lifetime.reviewBy',
      lifetime.reviewBy,
      today,
      addMonths(today, months),
      `a long-lived cluster on profile ${profile.metadata.name} is reviewed at least every ${months} months`,
      'a long-lived cluster needs a review-by date',
    ),
    ...(lifetime.retireBy
      ? checkFutureDate(
          'lifetime.retireBy',
          lifetime.retireBy,
          today,
          undefined,
          '',
          '',
        )
      : []),
  ];
}

function checkFutureDate(
  field: string,
  value: string | undefined,
  today: Date,
  latest: Date | undefined,
  why: string,
  missing: string,
): FleetValidationIssue[] {
  if (!value) {
    return [issue(field, `is required — ${missing}`)];
  }
  const date = parseCalendarDate(value);
  if (!date) {
    return [issue(field, `"${value}" is not a calendar date (YYYY-MM-DD)`)];
  }
  if (date <= today) {
    return [
      issue(
        field,
        `${value} is not in the future (today is ${formatCalendarDate(today)})`,
      ),
    ];
  }
  if (latest && date > latest) {
    return [
      issue(field, `${value} is after ${formatCalendarDate(latest)} — ${why}`),
    ];
  }
  return [];
}

function checkOptionalReview(reviewBy: string, retireBy: string | undefined) {
  const review = parseCalendarDate(reviewBy);
  if (!review) {
    return [
      issue(
        'lifetime.reviewBy',
        `"${reviewBy}" is not a calendar date (YYYY-MM-DD)`,
      ),
    ];
  }
  const retire = retireBy ? parseCalendarDate(retireBy) : undefined;
  if (retire && review > retire) {
    return [
      issue(
        'lifetime.reviewBy',
        `${reviewBy} is after the retire-by date ${retireBy}`,
      ),
    ];
  }
  return [];
}
