import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  GroupEntity,
  stringifyEntityRef,
  UserEntity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ClusterEntity,
  ClusterProfileEntity,
  compareQuantities,
  isClusterEntity,
  isGovernedCluster,
  LimitRangeSpec,
  parseQuantity,
  PLATFORM_ONLY_ROLES,
  Quota,
  tenantNamespaceEntityName,
  validateNamespaceName,
} from '@fleet-portal/plugin-fleet-common';
import {
  platformRepoPaths,
  PlatformRepoWriter,
} from '@fleet-portal/plugin-fleet-node';
import type { FleetCatalog } from '../../catalog/FleetCatalog';
import { changeModeFor, ChangeMode } from '../platformRepo/changeMode';
import type { NamespaceRequestInput } from './namespaceRequest';

/**
 * Annotation on a Group naming its identity-provider group (the subject of the
 * RoleBindings); without it, the group's entity name is used.
 */
export const ANNOTATION_IDENTITY_GROUP = 'fleet-portal.dev/identity-group';

/** Resources a quota may govern when the profile names none. */
const STANDARD_QUOTA_RESOURCES = [
  'requests.cpu',
  'requests.memory',
  'limits.cpu',
  'limits.memory',
  'pods',
];
const LIMIT_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const ROLE_NAME = /^[a-z0-9]([-a-z0-9.:]*[a-z0-9])?$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A request that passed every check, with the profile's defaults filled in. */
export type ValidatedNamespaceRequest = {
  cluster: ClusterEntity;
  clusterName: string;
  clusterRef: string;
  profile: ClusterProfileEntity;
  profileRef: string;
  namespace: string;
  team: GroupEntity;
  teamRef: string;
  identityGroup: string;
  environment: string;
  costCenter: string;
  reason: string;
  description?: string;
  quota: Quota;
  limits: LimitRangeSpec;
  roles: string[];
  mode: ChangeMode;
  entityName: string;
  entityRef: string;
  paths: { entity: string; manifests: string };
  requestedBy: string;
};

export type NamespaceRequestContext = {
  catalog: FleetCatalog;
  credentials: BackstageCredentials;
  /** The requesting user. */
  user: { ref?: string; entity?: UserEntity };
  /** When given, the platform repository is checked for the namespace too. */
  writer?: PlatformRepoWriter;
  /** Today, `YYYY-MM-DD`; for tests. */
  today?: string;
};

type Issue = { field: string; message: string };

/**
 * Checks a tenant namespace request against the catalog and the cluster's profile.
 * Every problem found is reported at once, each naming its field, in one InputError.
 */
export async function validateNamespaceRequest(
  input: Partial<NamespaceRequestInput>,
  context: NamespaceRequestContext,
): Promise<ValidatedNamespaceRequest> {
  const issues: Issue[] = [];
  const fail = (field: string, message: string) =>
    issues.push({ field, message });

  const text = (field: keyof NamespaceRequestInput, max = 253) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      fail(field, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      fail(field, 'must be a string');
      return undefined;
    }
    if (value.length > max) {
      fail(field, `must be at most ${max} characters`);
      return undefined;
    }
    return value;
  };

  if (!context.user.ref) {
    fail('user', 'a namespace request needs a signed-in user');
  }
  const namespace = text('namespace', 253);
  const clusterInput = text('cluster');
  const teamInput = text('team');
  const costCenter = text('costCenter', 63);
  const reason = text('reason', 2000);
  const description =
    typeof input.description === 'string' ? input.description : undefined;

  if (namespace !== undefined) {
    for (const problem of validateNamespaceName(namespace, '')) {
      fail('namespace', problem.message);
    }
  }
  if (costCenter !== undefined && !LABEL_VALUE.test(costCenter)) {
    fail(
      'costCenter',
      `${JSON.stringify(
        costCenter,
      )} is not a valid label value (letters, digits, '-', '_' and '.', starting and ending with a letter or digit)`,
    );
  }
  if (reason !== undefined && CONTROL_CHARACTERS.test(reason)) {
    fail('reason', 'must not contain control characters');
  }
  if (description !== undefined && CONTROL_CHARACTERS.test(description)) {
    fail('description', 'must not contain control characters');
  }

  const { cluster, profile } = await resolveCluster(
    clusterInput,
    context,
    fail,
  );
  const team = await resolveTeam(teamInput, context, fail);

  const tenancy = profile?.spec.tenancy;
  const quota = profile ? checkQuota(input.quota, profile, fail) : {};
  const limits = profile ? checkLimits(input.limits, profile, quota, fail) : {};
  const roles = profile
    ? checkRoles(input.roles, tenancy?.allowedRoles, fail)
    : [];

  let entityName: string | undefined;
  if (
    cluster &&
    namespace !== undefined &&
    !issues.some(i => i.field === 'namespace')
  ) {
    try {
      entityName = tenantNamespaceEntityName(cluster.metadata.name, namespace);
    } catch (error) {
      fail('namespace', (error as Error).message);
    }
  }

  // Duplicates are looked for only in an otherwise valid request: the catalog and the
  // repository are not queried for names that are rejected anyway.
  if (issues.length === 0 && cluster && namespace !== undefined) {
    await checkNotPresent(cluster, namespace, context, fail);
  }

  if (issues.length > 0) {
    throw new InputError(
      `Invalid namespace request: ${issues
        .map(i => `${i.field}: ${i.message}`)
        .join('; ')}`,
    );
  }

  const c = cluster!;
  const p = profile!;
  const clusterName = c.metadata.name;
  return {
    cluster: c,
    clusterName,
    clusterRef: stringifyEntityRef(c),
    profile: p,
    profileRef: stringifyEntityRef(p),
    namespace: namespace!,
    team: team!,
    teamRef: stringifyEntityRef(team!),
    identityGroup:
      team!.metadata.annotations?.[ANNOTATION_IDENTITY_GROUP] ??
      team!.metadata.name,
    environment: c.spec.environment!,
    costCenter: costCenter!,
    reason: reason!,
    description,
    quota,
    limits,
    roles,
    mode: changeModeFor(c, p),
    entityName: entityName!,
    entityRef: stringifyEntityRef({
      kind: 'resource',
      namespace: c.metadata.namespace ?? 'default',
      name: entityName!,
    }),
    paths: {
      entity: platformRepoPaths.namespaceEntity(clusterName, namespace!),
      manifests: platformRepoPaths.namespaceManifests(clusterName, namespace!),
    },
    requestedBy: context.user.ref!,
  };
}

async function resolveCluster(
  ref: string | undefined,
  context: NamespaceRequestContext,
  fail: (field: string, message: string) => void,
): Promise<{ cluster?: ClusterEntity; profile?: ClusterProfileEntity }> {
  if (ref === undefined) {
    return {};
  }
  const entity = await context.catalog.cluster(ref, context.credentials);
  if (!entity) {
    fail('cluster', `${JSON.stringify(ref)} is not a cluster in the catalog`);
    return {};
  }
  if (!isClusterEntity(entity)) {
    fail(
      'cluster',
      `${stringifyEntityRef(entity)} is not a kubernetes-cluster Resource`,
    );
    return {};
  }
  const name = stringifyEntityRef(entity);
  if (!isGovernedCluster(entity)) {
    fail(
      'cluster',
      `${name} is not governed (no complete owner, profile, environment and review data); namespaces are only requested on governed clusters`,
    );
    return {};
  }
  if (entity.spec.lifecycle === 'deprecated') {
    fail(
      'cluster',
      `${name} is deprecated; request the namespace on its successor`,
    );
    return {};
  }
  const today = context.today ?? new Date().toISOString().slice(0, 10);
  const retireBy = entity.spec.lifetime?.retireBy;
  if (retireBy && retireBy <= today) {
    fail('cluster', `${name} was due for retirement on ${retireBy}`);
    return {};
  }
  const profile = await context.catalog.profile(
    entity.spec.profile!,
    context.credentials,
  );
  if (!profile) {
    fail(
      'cluster',
      `the profile ${entity.spec.profile} of ${name} is not in the catalog`,
    );
    return {};
  }
  return { cluster: entity, profile };
}

async function resolveTeam(
  ref: string | undefined,
  context: NamespaceRequestContext,
  fail: (field: string, message: string) => void,
): Promise<GroupEntity | undefined> {
  if (ref === undefined) {
    return undefined;
  }
  const group = await context.catalog.group(ref, context.credentials);
  if (!group) {
    fail('team', `${JSON.stringify(ref)} is not a group in the catalog`);
    return undefined;
  }
  const user = context.user.entity;
  if (user) {
    const groupRef = stringifyEntityRef(group);
    const memberOf = new Set(
      (user.relations ?? [])
        .filter(r => r.type === 'memberOf')
        .map(r => r.targetRef),
    );
    if (memberOf.size === 0) {
      for (const g of user.spec.memberOf ?? []) {
        memberOf.add(
          g.includes(':') ? g : `group:${g.includes('/') ? g : `default/${g}`}`,
        );
      }
    }
    if (!memberOf.has(groupRef)) {
      fail('team', `you are not a member of ${groupRef}`);
      return undefined;
    }
  }
  const identityGroup =
    group.metadata.annotations?.[ANNOTATION_IDENTITY_GROUP] ??
    group.metadata.name;
  if (
    !identityGroup ||
    CONTROL_CHARACTERS.test(identityGroup) ||
    /[\n/]/.test(identityGroup)
  ) {
    fail(
      'team',
      `the identity-provider group of ${stringifyEntityRef(
        group,
      )} is not valid`,
    );
    return undefined;
  }
  return group;
}

function checkQuota(
  requested: unknown,
  profile: ClusterProfileEntity,
  fail: (field: string, message: string) => void,
): Quota {
  const tenancy = profile.spec.tenancy;
  const defaults = tenancy?.defaults?.quota ?? {};
  const maximums = tenancy?.maximums?.quota ?? {};
  const governed = new Set([
    ...Object.keys(defaults),
    ...Object.keys(maximums),
  ]);
  const allowed =
    governed.size > 0 ? governed : new Set(STANDARD_QUOTA_RESOURCES);
  if (requested !== undefined && !isStringRecord(requested)) {
    fail('quota', 'must map resource names to quantity strings');
    return {};
  }
  const quota: Quota = { ...defaults };
  for (const [resource, value] of Object.entries(requested ?? {})) {
    const field = `quota.${resource}`;
    if (!allowed.has(resource)) {
      fail(
        field,
        `is not a resource the profile ${profile.metadata.name} governs (${[
          ...allowed,
        ].join(', ')})`,
      );
      continue;
    }
    if (value === '') {
      continue; // left empty in the form: the profile's default applies
    }
    quota[resource] = value;
  }
  for (const [resource, value] of Object.entries(quota)) {
    const field = `quota.${resource}`;
    const parsed = parseQuantity(value);
    if (!parsed.ok) {
      fail(field, parsed.reason);
      delete quota[resource];
      continue;
    }
    if (parsed.quantity.unscaled < 0n) {
      fail(field, `${JSON.stringify(value)} must not be negative`);
      delete quota[resource];
      continue;
    }
    const max = maximums[resource];
    if (
      max !== undefined &&
      parseQuantity(max).ok &&
      compareQuantities(parsed.quantity, max) > 0
    ) {
      fail(
        field,
        `${value} is above the maximum of ${max} set by the profile ${profile.metadata.name}`,
      );
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
  fail: (field: string, message: string) => void,
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
      if (!LIMIT_RESOURCES.includes(resource)) {
        fail(
          field,
          `is not a container resource (${LIMIT_RESOURCES.join(', ')})`,
        );
        delete merged[resource];
        continue;
      }
      const parsed = parseQuantity(value);
      if (!parsed.ok || parsed.quantity.unscaled < 0n) {
        fail(
          field,
          parsed.ok
            ? `${JSON.stringify(value)} must not be negative`
            : parsed.reason,
        );
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
    if (
      ceiling &&
      parseQuantity(ceiling).ok &&
      compareQuantities(limit, ceiling) > 0
    ) {
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
  allowedRoles: string[] | undefined,
  fail: (field: string, message: string) => void,
): string[] {
  if (
    requested !== undefined &&
    (!Array.isArray(requested) || requested.some(r => typeof r !== 'string'))
  ) {
    fail('roles', 'must be a list of role names');
    return [];
  }
  const fallback =
    allowedRoles?.includes('edit') || !allowedRoles
      ? ['edit']
      : allowedRoles.slice(0, 1);
  const roles = [
    ...new Set(
      (requested as string[] | undefined)?.length
        ? (requested as string[])
        : fallback,
    ),
  ];
  const valid: string[] = [];
  for (const role of roles) {
    if (!ROLE_NAME.test(role)) {
      fail('roles', `${JSON.stringify(role)} is not a role name`);
    } else if ((PLATFORM_ONLY_ROLES as readonly string[]).includes(role)) {
      fail('roles', `${role} is reserved for the platform team`);
    } else if (allowedRoles && !allowedRoles.includes(role)) {
      fail(
        'roles',
        `${role} is not allowed by the profile (allowed: ${allowedRoles.join(
          ', ',
        )})`,
      );
    } else {
      valid.push(role);
    }
  }
  if (roles.length === 0) {
    fail('roles', 'must name at least one role');
  }
  return valid;
}

async function checkNotPresent(
  cluster: ClusterEntity,
  namespace: string,
  context: NamespaceRequestContext,
  fail: (field: string, message: string) => void,
) {
  const existing: Entity[] = await context.catalog.tenantNamespaces(
    cluster,
    namespace,
    context.credentials,
  );
  if (existing.length > 0) {
    fail(
      'namespace',
      `${namespace} already exists on ${
        cluster.metadata.name
      } (${stringifyEntityRef(existing[0])})`,
    );
    return;
  }
  if (context.writer) {
    const dir = platformRepoPaths.namespaceDir(
      cluster.metadata.name,
      namespace,
    );
    const present = await context.writer.existingPaths([dir]);
    if (present.length > 0) {
      fail(
        'namespace',
        `${namespace} already exists on ${cluster.metadata.name} in the platform repository (${present[0]})`,
      );
    }
  }
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every(v => typeof v === 'string')
  );
}
