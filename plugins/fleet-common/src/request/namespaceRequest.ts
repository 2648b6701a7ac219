import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { isClusterEntity } from '../guards';
import { tenantNamespaceEntityName, validateNamespaceName } from '../naming';
import type { ClusterEntity, ClusterProfileEntity } from '../types';
import { FleetValidationIssue, issue } from '../validation/issues';
import { fullRef } from './fullRef';
import { governedClusterProblem } from './governedClusterProblem';
import { checkTenancyRequest, type CheckedTenancy } from './tenancyRequest';
import { budgetNamespacesOf } from './namespaceTarget';
import { checkTeamBudget, teamBudgetUsage } from './teamBudget';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A tenant namespace request as the form holds it or a template passes it (unchecked). */
export type NamespaceRequestDraft = {
  cluster?: unknown;
  namespace?: unknown;
  team?: unknown;
  costCenter?: unknown;
  reason?: unknown;
  description?: unknown;
  quota?: unknown;
  limits?: unknown;
  roles?: unknown;
};

/**
 * How a request's cluster and its profile are looked up: the catalog API in the form, the
 * catalog service (platform-repository entities only) in the action.
 */
export type NamespaceRequestLookups = {
  cluster(ref: string): Promise<Entity | undefined>;
  profile(ref: string): Promise<ClusterProfileEntity | undefined>;
  /** The tenant namespaces of a cluster; when given, the team budget is checked too. */
  namespacesOnCluster?(clusterRef: string): Promise<Entity[]>;
};

/** What the rules resolved, with every broken rule. */
export type CheckedNamespaceRequest = Partial<CheckedTenancy> & {
  issues: FleetValidationIssue[];
  cluster?: ClusterEntity;
  profile?: ClusterProfileEntity;
  entityName?: string;
};

const TEXT_FIELDS = {
  namespace: 253,
  cluster: 253,
  team: 253,
  costCenter: 63,
  reason: 2000,
} as const;

/**
 * The rules of a tenant namespace request that need only the request, its cluster and the
 * cluster's profile: required fields, the name, the cost-center label, the cluster being
 * requestable, quota, limits and roles within the profile, the entity name's length.
 * The form fields' validation hooks and the fleet:namespace actions both call this; the
 * actions then check what only the backend can (team membership, names already taken).
 */
export async function checkNamespaceRequest(
  request: NamespaceRequestDraft,
  lookups: NamespaceRequestLookups,
  today: string,
): Promise<CheckedNamespaceRequest> {
  const issues = checkRequestText(request);
  const clusterRef = textOf(request.cluster, TEXT_FIELDS.cluster);
  const resolved = clusterRef
    ? await resolveRequestCluster(clusterRef, lookups, today)
    : { issues: [] };
  issues.push(...resolved.issues);
  const { cluster, profile } = resolved;
  const tenancy = profile ? checkTenancyRequest(request, profile) : undefined;
  issues.push(...(tenancy?.issues ?? []));
  const team = textOf(request.team, TEXT_FIELDS.team);
  if (
    cluster &&
    profile?.spec.tenancy?.teamBudget &&
    team &&
    tenancy?.issues.length === 0 &&
    lookups.namespacesOnCluster
  ) {
    const namespaces = await lookups.namespacesOnCluster(
      stringifyEntityRef(cluster),
    );
    issues.push(
      ...checkTeamBudget(
        profile.spec.tenancy.teamBudget,
        teamBudgetUsage(budgetNamespacesOf(namespaces), team),
        {
          team,
          cluster: cluster.metadata.name,
          addsNamespace: true,
          quota: tenancy.quota,
        },
      ),
    );
  }

  const namespace = textOf(request.namespace);
  let entityName: string | undefined;
  if (cluster && namespace && !issues.some(i => i.path === 'namespace')) {
    try {
      entityName = tenantNamespaceEntityName(cluster.metadata.name, namespace);
    } catch (error) {
      issues.push(issue('namespace', (error as Error).message));
    }
  }
  return { ...tenancy, issues, cluster, profile, entityName };
}

/** Required text fields, the namespace name, the cost-center label and free text. */
export function checkRequestText(
  request: NamespaceRequestDraft,
): FleetValidationIssue[] {
  const issues: FleetValidationIssue[] = [];
  for (const [field, max] of Object.entries(TEXT_FIELDS)) {
    const value = request[field as keyof NamespaceRequestDraft];
    if (value === undefined || value === null || value === '') {
      issues.push(issue(field, 'is required'));
    } else if (typeof value !== 'string') {
      issues.push(issue(field, 'must be a string'));
    } else if (value.length > max) {
      issues.push(issue(field, `must be at most ${max} characters`));
    }
  }
  const namespace = textOf(request.namespace, TEXT_FIELDS.namespace);
  if (namespace) {
    issues.push(...validateNamespaceName(namespace, 'namespace'));
  }
  const costCenter = textOf(request.costCenter, TEXT_FIELDS.costCenter);
  if (costCenter && !LABEL_VALUE.test(costCenter)) {
    issues.push(
      issue(
        'costCenter',
        `${JSON.stringify(
          costCenter,
        )} is not a valid label value (letters, digits, '-', '_' and '.', starting and ending with a letter or digit)`,
      ),
    );
  }
  for (const field of ['reason', 'description'] as const) {
    const value = textOf(request[field]);
    if (value && CONTROL_CHARACTERS.test(value)) {
      issues.push(issue(field, 'must not contain control characters'));
    }
  }
  return issues;
}

/**
 * One required free-text field of a request: present, a string, at most `max` characters,
 * without control characters.
 */
export function checkTextField(
  request: Record<string, unknown>,
  field: string,
  max: number,
): FleetValidationIssue[] {
  const value = request[field];
  if (value === undefined || value === null || value === '') {
    return [issue(field, 'is required')];
  }
  if (typeof value !== 'string') {
    return [issue(field, 'must be a string')];
  }
  if (value.length > max) {
    return [issue(field, `must be at most ${max} characters`)];
  }
  return CONTROL_CHARACTERS.test(value)
    ? [issue(field, 'must not contain control characters')]
    : [];
}

/**
 * The cluster a namespace is requested on: in the catalog, a governed kubernetes-cluster
 * Resource, not deprecated, not past its retire-by date, its profile in the catalog.
 */
export async function resolveRequestCluster(
  ref: string,
  lookups: NamespaceRequestLookups,
  today: string,
): Promise<{
  cluster?: ClusterEntity;
  profile?: ClusterProfileEntity;
  issues: FleetValidationIssue[];
}> {
  const entity = await lookups.cluster(ref);
  const problem = clusterProblem(ref, entity, today);
  if (problem || !entity || !isClusterEntity(entity)) {
    return { issues: problem ? [issue('cluster', problem)] : [] };
  }
  const profile = await lookups.profile(entity.spec.profile!);
  if (!profile) {
    return {
      issues: [
        issue(
          'cluster',
          `the profile ${entity.spec.profile} of ${stringifyEntityRef(
            entity,
          )} is not in the catalog`,
        ),
      ],
    };
  }
  return { cluster: entity, profile, issues: [] };
}

/** Why a namespace cannot be requested on this cluster, or undefined when it can. */
export function clusterProblem(
  ref: string,
  entity: Entity | undefined,
  today: string,
): string | undefined {
  const checked = governedClusterProblem(
    ref,
    entity,
    'namespaces are only requested on governed clusters',
  );
  if ('problem' in checked) {
    return checked.problem;
  }
  const { cluster } = checked;
  const name = stringifyEntityRef(cluster);
  if (cluster.spec.lifecycle === 'deprecated') {
    return `${name} is deprecated; request the namespace on its successor`;
  }
  const retireBy = cluster.spec.lifetime?.retireBy;
  if (retireBy && retireBy <= today) {
    return `${name} was due for retirement on ${retireBy}`;
  }
  return undefined;
}

/** The full ref of a cluster (`resource:default/<name>` for a bare name), or undefined. */
export function clusterRefOf(ref: string): string | undefined {
  return fullRef(ref, { defaultKind: 'resource' });
}

/** The profile ref a cluster names (`clusterprofile:default/<name>` for a bare name). */
export function profileRefOf(ref: string): string {
  return ref.includes(':') ? ref : `clusterprofile:default/${ref}`;
}

function textOf(value: unknown, max = Infinity): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= max
    ? value
    : undefined;
}
