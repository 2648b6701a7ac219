import { parseEntityRef } from '@backstage/catalog-model';
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  parseQuantity,
  type Quantity,
} from '../quantity';
import type { Quota, TeamBudget } from '../types';
import { FleetValidationIssue, issue } from '../validation/issues';

/** A namespace on one cluster as the budget counts it: its owning team and its quota. */
export type TeamBudgetNamespace = {
  team: string;
  quota: Record<string, string>;
};

/** What a team holds on one cluster: its namespaces and their summed quota per resource. */
export type TeamBudgetUsage = {
  namespaces: number;
  quota: Record<string, string>;
};

/** A request or change as the budget sees it. */
export type TeamBudgetChange = {
  /** The owning team (`team-checkout` or `group:default/team-checkout`). */
  team: string;
  /** The cluster's name, for the message. */
  cluster: string;
  /** True for a new namespace: it counts against the namespace budget. */
  addsNamespace: boolean;
  /** The namespace's quota after the request or change. */
  quota: Quota;
  /** The namespace's quota before a change; already part of the usage. */
  previousQuota?: Quota;
};

/**
 * What `team` holds on a cluster, from all namespaces on that cluster: how many it owns and
 * the exact sum of their quotas per resource. Owners are compared as entity refs, so
 * `team-checkout` and `group:default/team-checkout` are one team; an unreadable quantity
 * (a broken file) adds nothing.
 */
export function teamBudgetUsage(
  namespaces: ReadonlyArray<TeamBudgetNamespace>,
  team: string,
): TeamBudgetUsage {
  const key = teamKey(team);
  const owned = namespaces.filter(ns => teamKey(ns.team) === key);
  const amounts = new Map<string, string[]>();
  for (const ns of owned) {
    for (const [resource, value] of Object.entries(ns.quota ?? {})) {
      if (typeof value === 'string' && parseQuantity(value).ok) {
        amounts.set(resource, [...(amounts.get(resource) ?? []), value]);
      }
    }
  }
  const quota: Record<string, string> = {};
  for (const [resource, values] of amounts) {
    quota[resource] = addQuantities(values).text;
  }
  return { namespaces: owned.length, quota };
}

/**
 * The budget rules of a request or change: a new namespace must fit the namespace count, and
 * every resource the budget caps must fit the sum of the team's quotas on the cluster with
 * the change applied. A resource the change does not raise is never refused, so a budget
 * set below today's usage does not block lowering a quota. The messages name the field, the
 * team, the usage the change would bring, the budget and today's usage.
 */
export function checkTeamBudget(
  profileBudget: TeamBudget | undefined,
  usage: TeamBudgetUsage,
  change: TeamBudgetChange,
): FleetValidationIssue[] {
  if (!profileBudget) {
    return [];
  }
  const issues: FleetValidationIssue[] = [];
  const team = teamName(change.team);
  const maxNamespaces = profileBudget.namespaces;
  if (
    change.addsNamespace &&
    typeof maxNamespaces === 'number' &&
    usage.namespaces + 1 > maxNamespaces
  ) {
    issues.push(
      issue(
        'cluster',
        `${team} would have ${usage.namespaces + 1} of its budget of ${plural(
          maxNamespaces,
          'namespace',
        )} on ${change.cluster} (now ${
          usage.namespaces
        }); give one back or choose another cluster`,
      ),
    );
  }
  for (const [resource, budget] of Object.entries(profileBudget.quota ?? {})) {
    const added = change.quota[resource];
    if (!isQuantity(budget) || added === undefined || !isQuantity(added)) {
      continue;
    }
    const now = usage.quota[resource] ?? '0';
    const previous = change.previousQuota?.[resource];
    const removed = previous && isQuantity(previous) ? previous : '0';
    const after = addQuantities([now, added, negated(removed)]);
    if (
      compareQuantities(after, budget) > 0 &&
      compareQuantities(after, now) > 0
    ) {
      const unit = unitOf(resource);
      issues.push(
        issue(
          `quota.${resource}`,
          `${team} would use ${after.text} of its budget of ${formatQuantity(
            budget,
          )}${unit} on ${change.cluster} (now ${formatQuantity(now)})`,
        ),
      );
    }
  }
  return issues;
}

/** The budget's room left per resource (never below zero), for forms that show it. */
export function teamBudgetRemaining(
  profileBudget: TeamBudget | undefined,
  usage: TeamBudgetUsage,
): Record<string, string> {
  const left: Record<string, string> = {};
  for (const [resource, budget] of Object.entries(profileBudget?.quota ?? {})) {
    if (!isQuantity(budget)) {
      continue;
    }
    const now = usage.quota[resource] ?? '0';
    const rest = addQuantities([budget, negated(now)]);
    left[resource] = rest.unscaled < 0n ? '0' : rest.text;
  }
  return left;
}

function teamKey(team: string): string {
  try {
    const ref = parseEntityRef(team, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    return `${ref.kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
      'en-US',
    );
  } catch {
    return team.toLocaleLowerCase('en-US');
  }
}

function teamName(team: string): string {
  try {
    return parseEntityRef(team, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }).name;
  } catch {
    return team;
  }
}

function unitOf(resource: string): string {
  if (resource.endsWith('cpu')) {
    return ' CPU';
  }
  if (resource === 'pods' || resource.startsWith('count/')) {
    return resource === 'pods' ? ' pods' : '';
  }
  return '';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function isQuantity(value: string): boolean {
  return parseQuantity(value).ok;
}

function negated(value: string): Quantity {
  const parsed = parseQuantity(value);
  if (!parsed.ok) {
    throw new TypeError(parsed.reason);
  }
  return { ...parsed.quantity, unscaled: -parsed.quantity.unscaled };
}
