import { stringifyEntityRef } from '@backstage/catalog-model';
import { compareQuantities, parseQuantity } from '../quantity';
import type { LimitRangeSpec, Quota } from '../types';
import { FleetValidationIssue, issue } from '../validation/issues';
import { checkReasonAndTarget } from './day2Target';
import {
  budgetNamespacesOf,
  type NamespaceActor,
  type NamespaceChangeLookups,
  type NamespaceTarget,
} from './namespaceTarget';
import { checkTenancyRequest } from './tenancyRequest';
import {
  checkTeamBudget,
  teamBudgetUsage,
  type TeamBudgetUsage,
} from './teamBudget';

/** A change of a tenant namespace as the form holds it or a template passes it (unchecked). */
export type NamespaceChangeDraft = {
  /** Entity ref of the tenant namespace. */
  namespace?: unknown;
  quota?: unknown;
  limits?: unknown;
  roles?: unknown;
  reason?: unknown;
};

/** What the change rules resolved, with every broken rule. */
export type CheckedNamespaceChange = {
  issues: FleetValidationIssue[];
  target?: NamespaceTarget;
  quota?: Quota;
  limits?: LimitRangeSpec;
  roles?: string[];
  /** The owning team's usage on the cluster before the change. */
  usage?: TeamBudgetUsage;
};

export type NamespaceChangeOptions = {
  /** The requester (backend): must be in the owning team or own the platform. */
  actor?: NamespaceActor;
  /**
   * What the namespace uses now (the ResourceQuota's `status.used`), when the live cluster
   * answered: no quota may go below it.
   */
  used?: Record<string, string>;
};

/**
 * The rules of a change of a tenant namespace: the namespace exists, is governed and belongs
 * to the requester's team (or the requester owns the platform); quota, limits and roles —
 * unchanged parts kept as they are — within the profile's maximums and allowed roles and the
 * owning team's budget on the cluster; no quota below what the namespace uses now where the
 * live cluster is known; a reason; and something actually changes. The form fields and
 * fleet:namespace:change both call this.
 */
export async function checkNamespaceChange(
  draft: NamespaceChangeDraft,
  lookups: NamespaceChangeLookups,
  options: NamespaceChangeOptions = {},
): Promise<CheckedNamespaceChange> {
  const { issues, target } = await checkReasonAndTarget(draft, lookups, {
    action: 'change',
    actor: options.actor,
  });
  if (!target) {
    return { issues };
  }
  const { entity, cluster, profile } = target;
  if (cluster.spec.lifecycle === 'deprecated') {
    issues.push(
      issue(
        'namespace',
        `${cluster.metadata.name} is deprecated: give the namespace back or move it to the successor instead of changing it`,
      ),
    );
  }
  const current = {
    quota: { ...entity.spec.quota },
    limits: entity.spec.limits ?? {},
    roles: entity.spec.roles ?? [],
  };
  const tenancy = checkTenancyRequest(
    {
      quota: mergeRecord(current.quota, draft.quota),
      limits: mergeLimits(current.limits, draft.limits),
      roles: draft.roles === undefined ? current.roles : draft.roles,
    },
    profile,
  );
  issues.push(...tenancy.issues);

  const others = (await lookups.namespacesOnCluster(target.clusterRef)).filter(
    other => stringifyEntityRef(other) !== target.entityRef,
  );
  const usage = teamBudgetUsage(
    [
      ...budgetNamespacesOf(others),
      { team: target.team, quota: current.quota },
    ],
    target.team,
  );
  if (tenancy.issues.length === 0) {
    issues.push(
      ...checkTeamBudget(profile.spec.tenancy?.teamBudget, usage, {
        team: target.team,
        cluster: cluster.metadata.name,
        addsNamespace: false,
        quota: tenancy.quota,
        previousQuota: current.quota,
      }),
    );
    issues.push(
      ...belowUsage(tenancy.quota, options.used, target),
      ...unchanged(current, tenancy),
    );
  }
  return {
    issues,
    target,
    quota: tenancy.quota,
    limits: tenancy.limits,
    roles: tenancy.roles,
    usage,
  };
}

function belowUsage(
  quota: Quota,
  used: Record<string, string> | undefined,
  target: NamespaceTarget,
): FleetValidationIssue[] {
  return Object.entries(quota).flatMap(([resource, value]) => {
    const inUse = used?.[resource];
    if (!inUse || !parseQuantity(inUse).ok) {
      return [];
    }
    return compareQuantities(value, inUse) < 0
      ? [
          issue(
            `quota.${resource}`,
            `${value} is below what ${target.entity.spec.namespace} uses now on ${target.cluster.metadata.name} (${inUse}); free it first or ask for at least ${inUse}`,
          ),
        ]
      : [];
  });
}

function unchanged(
  current: { quota: Quota; limits: LimitRangeSpec; roles: string[] },
  next: { quota: Quota; limits: LimitRangeSpec; roles: string[] },
): FleetValidationIssue[] {
  const same =
    sameRecord(current.quota, next.quota) &&
    sameRecord(current.limits.default, next.limits.default) &&
    sameRecord(current.limits.defaultRequest, next.limits.defaultRequest) &&
    [...current.roles].sort().join() === [...next.roles].sort().join();
  return same
    ? [
        issue(
          'quota',
          'nothing to change: quota, limits and roles are as they are now',
        ),
      ]
    : [];
}

function sameRecord(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): boolean {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  return [...keys].every(key => {
    const x = a?.[key];
    const y = b?.[key];
    if (x === undefined || y === undefined) {
      return x === y;
    }
    return parseQuantity(x).ok && parseQuantity(y).ok
      ? compareQuantities(x, y) === 0
      : x === y;
  });
}

/** The current values with the requested ones over them; anything else is passed on to be refused. */
function mergeRecord(current: Quota, requested: unknown): unknown {
  if (requested === undefined) {
    return current;
  }
  if (!isRecord(requested)) {
    return requested;
  }
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(requested)) {
    // an emptied field keeps the current value
    if (value !== '') {
      merged[key] = value;
    }
  }
  return merged;
}

function mergeLimits(current: LimitRangeSpec, requested: unknown): unknown {
  if (requested === undefined) {
    return current;
  }
  if (!isRecord(requested)) {
    return requested;
  }
  return {
    ...requested,
    defaultRequest: mergeRecord(
      current.defaultRequest ?? {},
      requested.defaultRequest,
    ),
    default: mergeRecord(current.default ?? {}, requested.default),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
