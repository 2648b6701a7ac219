import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { isClusterEntity, isTenantNamespaceEntity } from '../guards';
import type {
  ClusterEntity,
  ClusterProfileEntity,
  TenantNamespaceEntity,
} from '../types';
import { isGovernedCluster } from '../validation/cluster';
import { FleetValidationIssue, issue } from '../validation/issues';
import { fullRef } from './fullRef';
import type { NamespaceRequestLookups } from './namespaceRequest';
import type { TeamBudgetNamespace } from './teamBudget';

/**
 * The lookups of a Day-2 request: the new-namespace lookups plus the namespace entity and
 * the tenant namespaces of its cluster (for the team budget). The backend also says whether
 * an entity came from the platform repository; the form cannot know and leaves it out.
 */
export type NamespaceChangeLookups = NamespaceRequestLookups & {
  namespace(ref: string): Promise<Entity | undefined>;
  namespacesOnCluster(clusterRef: string): Promise<Entity[]>;
  governed?(entity: Entity): boolean;
};

/** Who asks, as the backend knows it: their groups and whether they own the platform. */
export type NamespaceActor = {
  /** Group refs the user is a member of (`group:default/team-checkout`). */
  memberOf: readonly string[];
};

/** The namespace a Day-2 request acts on, with its cluster and profile. */
export type NamespaceTarget = {
  entity: TenantNamespaceEntity;
  entityRef: string;
  cluster: ClusterEntity;
  clusterRef: string;
  profile: ClusterProfileEntity;
  /** The owning team's ref. */
  team: string;
};

/**
 * Resolves the `namespace` field of a Day-2 request: a tenant namespace entity from the
 * platform repository, on a governed cluster whose profile is in the catalog, owned by a team
 * the requester belongs to — or by anyone when the requester is in the group that owns the
 * cluster's profile (the platform owners). Every problem is an issue on `namespace`.
 */
export async function resolveNamespaceTarget(
  ref: unknown,
  lookups: NamespaceChangeLookups,
  options: { action: 'change' | 'decommission'; actor?: NamespaceActor },
): Promise<{ target?: NamespaceTarget; issues: FleetValidationIssue[] }> {
  const fail = (reason: string) => ({ issues: [issue('namespace', reason)] });
  const words = WORDS[options.action];
  if (ref === undefined || ref === null || ref === '') {
    return fail('is required');
  }
  if (typeof ref !== 'string' || ref.length > 253) {
    return fail('must be the entity ref of a tenant namespace');
  }
  const full = namespaceRefOf(ref);
  const entity = full ? await lookups.namespace(full) : undefined;
  if (!entity) {
    return fail(`${JSON.stringify(ref)} is not a namespace in the catalog`);
  }
  const entityRef = stringifyEntityRef(entity);
  if (!isTenantNamespaceEntity(entity)) {
    return fail(`${entityRef} is not a kubernetes-namespace Resource`);
  }
  const title = `${entity.spec.namespace} on ${clusterNameOf(entity)}`;
  if (lookups.governed && !lookups.governed(entity)) {
    return fail(
      `${entityRef} is not from the platform repository, so it is not governed and cannot be ${words.past} here`,
    );
  }
  const clusterRef = namespaceClusterRef(entity);
  const cluster = clusterRef ? await lookups.cluster(clusterRef) : undefined;
  if (!cluster || !isClusterEntity(cluster)) {
    return fail(
      `the cluster ${entity.spec.cluster} of ${title} is not in the catalog`,
    );
  }
  if (lookups.governed && !lookups.governed(cluster)) {
    return fail(
      `the cluster ${cluster.metadata.name} of ${title} is not from the platform repository, so it is not governed`,
    );
  }
  if (!isGovernedCluster(cluster)) {
    return fail(
      `the cluster of ${title} is not governed (no complete owner, profile, environment and review data)`,
    );
  }
  const profile = await lookups.profile(cluster.spec.profile!);
  if (!profile) {
    return fail(
      `the profile ${cluster.spec.profile} of ${cluster.metadata.name} is not in the catalog`,
    );
  }
  const team = teamRefOf(entity.spec.owner);
  if (options.actor) {
    const groups = new Set(options.actor.memberOf.map(lower));
    const platformOwner = groups.has(lower(teamRefOf(profile.spec.owner)));
    if (!platformOwner && !groups.has(lower(team))) {
      return fail(
        `${title} belongs to ${
          parseEntityRef(team).name
        }; only its members and the platform owners may ${words.may}`,
      );
    }
  }
  return {
    target: {
      entity,
      entityRef,
      cluster,
      clusterRef: stringifyEntityRef(cluster),
      profile,
      team,
    },
    issues: [],
  };
}

const WORDS = {
  change: { past: 'changed', may: 'change it' },
  decommission: { past: 'given back', may: 'give it back' },
};

/** The tenant namespaces of a cluster as the team budget counts them. */
export function budgetNamespacesOf(
  entities: readonly Entity[],
): TeamBudgetNamespace[] {
  return entities.filter(isTenantNamespaceEntity).map(entity => ({
    team: entity.spec.owner,
    quota: { ...entity.spec.quota },
  }));
}

/** The full ref of a namespace entity (`resource:default/<name>` for a bare name). */
export function namespaceRefOf(ref: string): string | undefined {
  return fullRef(ref, { defaultKind: 'resource' });
}

/** The full ref of a tenant namespace's cluster. */
export function namespaceClusterRef(
  entity: TenantNamespaceEntity,
): string | undefined {
  return fullRef(entity.spec.cluster, {
    defaultKind: 'resource',
    defaultNamespace: entity.metadata.namespace,
  });
}

function clusterNameOf(entity: TenantNamespaceEntity): string {
  const ref = namespaceClusterRef(entity);
  return ref ? parseEntityRef(ref).name : String(entity.spec.cluster);
}

function teamRefOf(owner: string): string {
  return fullRef(owner, { defaultKind: 'group' }) ?? owner;
}

function lower(text: string): string {
  return text.toLocaleLowerCase('en-US');
}
