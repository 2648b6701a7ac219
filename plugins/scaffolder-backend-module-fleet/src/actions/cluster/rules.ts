import {
  compareVersions,
  type ClusterProfileEntity,
  type NodeRange,
  validateClusterName,
} from '@fleet-portal/plugin-fleet-common';
import {
  addDays,
  addMonths,
  calendarToday,
  formatCalendarDate,
  parseCalendarDate,
} from './dates';
import type { ClusterRequest } from './request';

/** One broken rule, named by the input field it concerns. */
export type FieldProblem = { field: string; message: string };

/** Long-lived clusters are reviewed at least annually (domain rule). */
export const MAX_REVIEW_MONTHS = 12;

/** Environments that fit each profile type. */
const ENVIRONMENTS_BY_PROFILE_TYPE: Record<string, readonly string[]> = {
  production: ['production'],
  regulated: ['production'],
  'non-production': ['staging', 'development', 'test'],
  edge: ['edge'],
};

/**
 * The rules of a cluster request that need only the request and its profile (no catalog, no
 * platform repository). Every broken rule is returned, not only the first.
 */
export function checkRequestAgainstProfile(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
  now: Date,
): FieldProblem[] {
  return [
    ...checkName(request, profile),
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
      request.nodes.controlPlane,
      profile.spec.nodes?.controlPlane,
      profile,
    ),
    ...checkNodes(
      'nodes.workers',
      request.nodes.workers,
      profile.spec.nodes?.workers,
      profile,
    ),
    ...checkLifetime(request, profile, now),
  ];
}

/** The profile version a request resolves to: the one asked for, else the current one. */
export function requestedProfileVersion(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
): string {
  return request.profileVersion?.trim() || profile.spec.version;
}

function checkName(request: ClusterRequest, profile: ClusterProfileEntity) {
  return validateClusterName(request.name, profile, 'name').map(issue => ({
    field: 'name',
    message: issue.message,
  }));
}

function checkVersion(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
): FieldProblem[] {
  const version = requestedProfileVersion(request, profile);
  const accepted = [
    profile.spec.version,
    ...(profile.spec.allowedVersions ?? []),
  ];
  if (accepted.some(candidate => compareVersions(candidate, version) === 0)) {
    return [];
  }
  return [
    {
      field: 'profileVersion',
      message: `profileVersion: ${version} of profile ${
        profile.metadata.name
      } is neither current nor allowed for new clusters (accepted: ${accepted.join(
        ', ',
      )})`,
    },
  ];
}

function checkText(field: string, value: string | undefined, hint: string) {
  return value?.trim()
    ? []
    : [{ field, message: `${field}: is required — ${hint}` }];
}

function checkEnvironment(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
): FieldProblem[] {
  const fitting = ENVIRONMENTS_BY_PROFILE_TYPE[profile.spec.type];
  if (!fitting || fitting.includes(request.environment)) {
    return [];
  }
  return [
    {
      field: 'environment',
      message: `environment: ${request.environment} does not fit a ${
        profile.spec.type
      } profile (expected ${fitting.join(' or ')})`,
    },
  ];
}

function checkNodes(
  field: string,
  count: number,
  range: NodeRange | undefined,
  profile: ClusterProfileEntity,
): FieldProblem[] {
  if (!Number.isInteger(count) || count < 0) {
    return [
      {
        field,
        message: `${field}: must be a whole number of nodes, 0 or more (got ${count})`,
      },
    ];
  }
  const min = range?.min ?? 0;
  const max = range?.max ?? Number.POSITIVE_INFINITY;
  if (count >= min && count <= max) {
    return [];
  }
  const bounds = Number.isFinite(max) ? `${min}–${max}` : `at least ${min}`;
  return [
    {
      field,
      message: `${field}: ${count} is outside the bounds of profile ${profile.metadata.name} (${bounds})`,
    },
  ];
}

function checkLifetime(
  request: ClusterRequest,
  profile: ClusterProfileEntity,
  now: Date,
): FieldProblem[] {
  const today = calendarToday(now);
  const { lifetime } = request;
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
  const months = Math.min(
    MAX_REVIEW_MONTHS,
    profile.spec.review?.intervalMonths ?? MAX_REVIEW_MONTHS,
  );
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
): FieldProblem[] {
  if (!value) {
    return [{ field, message: `${field}: is required — ${missing}` }];
  }
  const date = parseCalendarDate(value);
  if (!date) {
    return [
      {
        field,
        message: `${field}: "${value}" is not a calendar date (YYYY-MM-DD)`,
      },
    ];
  }
  if (date <= today) {
    return [
      {
        field,
        message: `${field}: ${value} is not in the future (today is ${formatCalendarDate(
          today,
        )})`,
      },
    ];
  }
  if (latest && date > latest) {
    return [
      {
        field,
        message: `${field}: ${value} is after ${formatCalendarDate(
          latest,
        )} — ${why}`,
      },
    ];
  }
  return [];
}

function checkOptionalReview(reviewBy: string, retireBy: string | undefined) {
  const review = parseCalendarDate(reviewBy);
  if (!review) {
    return [
      {
        field: 'lifetime.reviewBy',
        message: `lifetime.reviewBy: "${reviewBy}" is not a calendar date (YYYY-MM-DD)`,
      },
    ];
  }
  const retire = retireBy ? parseCalendarDate(retireBy) : undefined;
  if (retire && review > retire) {
    return [
      {
        field: 'lifetime.reviewBy',
        message: `lifetime.reviewBy: ${reviewBy} is after the retire-by date ${retireBy}`,
      },
    ];
  }
  return [];
}
