import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  GroupEntity,
  stringifyEntityRef,
  UserEntity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  checkNamespaceRequest,
  ClusterEntity,
  ClusterProfileEntity,
  FleetValidationIssue,
  formatRequestIssues,
  issue,
  LimitRangeSpec,
  Quota,
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

/**
 * Checks a tenant namespace request: the shared rules of fleet-common's checkNamespaceRequest
 * (the ones the form checks too), then what only the backend can — the requester, their team
 * and the name not being taken in the catalog or the platform repository. Every problem found
 * is reported at once, each naming its field, in one InputError.
 */
export async function validateNamespaceRequest(
  input: Partial<NamespaceRequestInput>,
  context: NamespaceRequestContext,
): Promise<ValidatedNamespaceRequest> {
  const today = context.today ?? new Date().toISOString().slice(0, 10);
  const checked = await checkNamespaceRequest(
    input,
    {
      cluster: ref => context.catalog.cluster(ref, context.credentials),
      profile: ref => context.catalog.profile(ref, context.credentials),
      namespacesOnCluster: ref =>
        context.catalog.namespacesOnCluster(ref, context.credentials),
    },
    today,
  );
  const issues: FleetValidationIssue[] = [];
  const fail = (field: string, reason: string) =>
    issues.push(issue(field, reason));
  if (!context.user.ref) {
    fail('user', 'a namespace request needs a signed-in user');
  }
  issues.push(...checked.issues);
  const team =
    typeof input.team === 'string' && input.team
      ? await resolveTeam(input.team, context, fail)
      : undefined;

  const { cluster, profile, entityName } = checked;
  const namespace = input.namespace;
  // Duplicates are looked for only in an otherwise valid request: the catalog and the
  // repository are not queried for names that are rejected anyway.
  if (issues.length === 0 && cluster && namespace) {
    await checkNotPresent(cluster, namespace, context, fail);
  }
  if (issues.length > 0 || !cluster || !profile || !team || !namespace) {
    throw new InputError(formatRequestIssues('namespace', issues));
  }

  const clusterName = cluster.metadata.name;
  return {
    cluster,
    clusterName,
    clusterRef: stringifyEntityRef(cluster),
    profile,
    profileRef: stringifyEntityRef(profile),
    namespace,
    team,
    teamRef: stringifyEntityRef(team),
    identityGroup:
      team.metadata.annotations?.[ANNOTATION_IDENTITY_GROUP] ??
      team.metadata.name,
    environment: cluster.spec.environment!,
    costCenter: input.costCenter!,
    reason: input.reason!,
    description:
      typeof input.description === 'string' ? input.description : undefined,
    quota: checked.quota ?? {},
    limits: checked.limits ?? {},
    roles: checked.roles ?? [],
    mode: changeModeFor(cluster, profile),
    entityName: entityName!,
    entityRef: stringifyEntityRef({
      kind: 'resource',
      namespace: cluster.metadata.namespace ?? 'default',
      name: entityName!,
    }),
    paths: {
      entity: platformRepoPaths.namespaceEntity(clusterName, namespace),
      manifests: platformRepoPaths.namespaceManifests(clusterName, namespace),
    },
    requestedBy: context.user.ref!,
  };
}

async function resolveTeam(
  ref: string,
  context: NamespaceRequestContext,
  fail: (field: string, message: string) => void,
): Promise<GroupEntity | undefined> {
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
