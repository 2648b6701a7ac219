import { PLATFORM_ONLY_ROLES } from '../constants';
import { compareQuantities, parseQuantity } from '../quantity';
import type { ClusterProfileEntity, LimitRangeSpec, Quota } from '../types';
import { FleetValidationIssue, issue } from '../validation/issues';

/** Resources a quota may govern when the profile names none. */
const STANDARD_QUOTA_RESOURCES = [
  'requests.cpu',
  'requests.memory',
  'limits.cpu',
  'limits.memory',
  'pods',
];
const LIMIT_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const ROLE_NAME = /^[a-z0-9]([-a-z0-9.:]*[a-z0-9])?$/;

/** Why a quantity is not a non-negative Kubernetes quantity, or undefined. */
export function quantityProblem(text: string): string | undefined {
  const parsed = parseQuantity(text);
  if (!parsed.ok) {
    return parsed.reason;
  }
  return parsed.quantity.unscaled < 0n
    ? `${JSON.stringify(text)} must not be negative`
    : undefined;
}

/** The quota resources of a profile with their defaults and maximums (what the form shows). */
export function quotaResources(profile: ClusterProfileEntity) {
  const tenancy = profile.spec.tenancy;
  const defaults = tenancy?.defaults?.quota ?? {};
  const maximums = tenancy?.maximums?.quota ?? {};
  const resources = [
    ...new Set([...Object.keys(defaults), ...Object.keys(maximums)]),
  ];
  return resources.map(resource => ({
    resource,
    defaultValue: defaults[resource] as string | undefined,
    max: maximums[resource] as string | undefined,
  }));
}

/** The roles a team may ask for on a cluster of this profile, platform-only roles left out. */
export function requestableRoles(profile: ClusterProfileEntity): string[] {
  const allowed = profile.spec.tenancy?.allowedRoles ?? ['view', 'edit'];
  return allowed.filter(
    role => !(PLATFORM_ONLY_ROLES as readonly string[]).includes(role),
  );
}

/** The roles a request gets when it names none. */
export function defaultRoles(profile: ClusterProfileEntity): string[] {
  const allowed = profile.spec.tenancy?.allowedRoles;
  return allowed?.includes('edit') || !allowed ? ['edit'] : allowed.slice(0, 1);
}

/** Why a role cannot be bound for a tenant, or undefined when it can. */
export function roleProblem(
  role: string,
  allowedRoles: readonly string[] | undefined,
): string | undefined {
  if (!ROLE_NAME.test(role)) {
    return `${JSON.stringify(role)} is not a role name`;
  }
  if ((PLATFORM_ONLY_ROLES as readonly string[]).includes(role)) {
    return `${role} is reserved for the platform team`;
  }
  if (allowedRoles && !allowedRoles.includes(role)) {
    return `${role} is not allowed by the profile (allowed: ${allowedRoles.join(
      ', ',
    )})`;
  }
  return undefined;
}

export type TenancyRequest = {
  quota?: unknown;
  limits?: unknown;
  roles?: unknown;
};

/** The quota, limits and roles of a request with the profile's defaults filled in. */
export type CheckedTenancy = {
  quota: Quota;
  limits: LimitRangeSpec;
  roles: string[];
  issues: FleetValidationIssue[];
};

/**
 * Quota, LimitRange and roles of a tenant namespace request against the cluster's profile:
 * governed resources only, valid non-negative quantities within the profile's maximums,
 * requests not above limits, default limits within the quota, roles the profile allows.
 */
export function checkTenancyRequest(
  request: TenancyRequest,
  profile: ClusterProfileEntity,
): CheckedTenancy {
  const issues: FleetValidationIssue[] = [];
  const fail = (field: string, reason: string) =>
    issues.push(issue(field, reason));
  const quota = checkQuota(request.quota, profile, fail);
  const limits = checkLimits(request.limits, profile, quota, fail);
  const roles = checkRoles(request.roles, profile, fail);
  return { quota, limits, roles, issues };
}

type Fail = (field: string, reason: string) => void;

function checkQuota(
  requested: unknown,
  profile: ClusterProfileEntity,
  fail: Fail,
): Quota {
  const rows = quotaResources(profile);
  const maximums = profile.spec.tenancy?.maximums?.quota ?? {};
  const allowed =
    rows.length > 0
      ? new Set(rows.map(r => r.resource))
      : new Set(STANDARD_QUOTA_RESOURCES);
  if (requested !== undefined && !isStringRecord(requested)) {
    fail('quota', 'must map resource names to quantity strings');
    return {};
  }
  const quota: Quota = { ...profile.spec.tenancy?.defaults?.quota };
  for (const [resource, value] of Object.entries(requested ?? {})) {
    if (!allowed.has(resource)) {
      fail(
        `quota.${resource}`,
        `is not a resource the profile ${profile.metadata.name} governs (${[
          ...allowed,
        ].join(', ')})`,
      );
    } else if (value !== '') {
      // an empty value is a field left empty in the form: the profile's default applies
      quota[resource] = value;
    }
  }
  for (const [resource, value] of Object.entries(quota)) {
    const field = `quota.${resource}`;
    const problem = quantityProblem(value);
    if (problem) {
      fail(field, problem);
      delete quota[resource];
      continue;
    }
    const max = maximums[resource];
    if (max !== undefined && !quantityProblem(max)) {
      if (compareQuantities(value, max) > 0) {
        fail(
          field,
          `${value} is above the maximum of ${max} set by the profile ${profile.metadata.name}`,
        );
      }
    }
  }
  for (const resource of ['cpu', 'memory']) {
    const request = quota[`requests.${resource}`];
    const limit = quota[`limits.${resource}`];
    if (request && limit && compareQuantities(request, limit) > 0) {
      fail(
        `quota.requests.${resource}`,
        `${request} is above limits.${resource} (${limit})`,
      );
    }
  }
  return quota;
}

function checkLimits(
  requested: unknown,
  profile: ClusterProfileEntity,
  quota: Quota,
  fail: Fail,
): LimitRangeSpec {
  const defaults = profile.spec.tenancy?.defaults?.limits ?? {};
  if (
    requested !== undefined &&
    (typeof requested !== 'object' ||
      requested === null ||
      Array.isArray(requested))
  ) {
    fail('limits', 'must be an object with defaultRequest and default');
    return {};
  }
  const limits: LimitRangeSpec = {};
  for (const section of ['defaultRequest', 'default'] as const) {
    const given = (requested as Record<string, unknown> | undefined)?.[section];
    if (given !== undefined && !isStringRecord(given)) {
      fail(`limits.${section}`, 'must map resource names to quantity strings');
      continue;
    }
    const merged: Record<string, string> = { ...defaults[section] };
    for (const [resource, value] of Object.entries(given ?? {})) {
      if (value !== '') {
        merged[resource] = value;
      }
    }
    for (const [resource, value] of Object.entries(merged)) {
      const field = `limits.${section}.${resource}`;
      const problem = LIMIT_RESOURCES.includes(resource)
        ? quantityProblem(value)
        : `is not a container resource (${LIMIT_RESOURCES.join(', ')})`;
      if (problem) {
        fail(field, problem);
        delete merged[resource];
      }
    }
    if (Object.keys(merged).length > 0) {
      limits[section] = merged;
    }
  }
  for (const [resource, request] of Object.entries(
    limits.defaultRequest ?? {},
  )) {
    const limit = limits.default?.[resource];
    if (limit && compareQuantities(request, limit) > 0) {
      fail(
        `limits.defaultRequest.${resource}`,
        `${request} is above the default limit ${limit}`,
      );
    }
  }
  for (const [resource, limit] of Object.entries(limits.default ?? {})) {
    const ceiling = quota[`limits.${resource}`];
    if (ceiling && compareQuantities(limit, ceiling) > 0) {
      fail(
        `limits.default.${resource}`,
        `${limit} is above the namespace quota limits.${resource} (${ceiling})`,
      );
    }
  }
  return limits;
}

function checkRoles(
  requested: unknown,
  profile: ClusterProfileEntity,
  fail: Fail,
): string[] {
  if (
    requested !== undefined &&
    (!Array.isArray(requested) || requested.some(r => typeof r !== 'string'))
  ) {
    fail('roles', 'must be a list of role names');
    return [];
  }
  const given = requested as string[] | undefined;
  const roles = [...new Set(given?.length ? given : defaultRoles(profile))];
  const allowed = profile.spec.tenancy?.allowedRoles;
  const valid: string[] = [];
  for (const role of roles) {
    const problem = roleProblem(role, allowed);
    if (problem) {
      fail('roles', problem);
    } else {
      valid.push(role);
    }
  }
  if (roles.length === 0) {
    fail('roles', 'must name at least one role');
  }
  return valid;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(v => typeof v === 'string')
  );
}
