import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { UserEntity } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  clusterRefOf,
  type NamespaceActor,
  type NamespaceChangeLookups,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import type { FleetCatalog } from '../../catalog/FleetCatalog';
import type { RenderSeal } from '../../integrity/RenderSeal';
import type { KubernetesApplier } from '../../kubernetes/KubernetesApplier';

export type NamespaceDay2Deps = {
  catalog: FleetCatalog;
  permissions: PermissionsService;
  writer?: PlatformRepoWriter;
  /** Seals the render record that fleet:platform-repo:propose checks. */
  seal: RenderSeal;
  /** Reads live usage where the cluster is in the kubernetes config. */
  applier?: KubernetesApplier;
};

type Day2Context = {
  user?: { ref?: string; entity?: UserEntity };
  getInitiatorCredentials(): Promise<BackstageCredentials>;
};

/**
 * The permission check, the requester and the catalog lookups of a Day-2 request, all with
 * the initiating user's credentials. Only platform-repository entities count as governed.
 */
export async function day2Context(
  ctx: Day2Context,
  deps: NamespaceDay2Deps,
  permission: BasicPermission,
  what: string,
) {
  const credentials = await ctx.getInitiatorCredentials();
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to ${what} (${permission.name})`,
    );
  }
  const userRef = ctx.user?.ref;
  if (!userRef) {
    throw new InputError(`user: ${what} needs a signed-in user`);
  }
  const writer = deps.writer;
  if (!writer) {
    throw new Error(
      'No platform repository is configured (fleetPortal.platformRepo or catalog.providers.fleetPlatformRepo)',
    );
  }
  const { catalog } = deps;
  const lookups: NamespaceChangeLookups = {
    namespace: ref => catalog.entity(ref, 'resource', credentials),
    cluster: async ref => {
      const full = clusterRefOf(ref);
      return full ? catalog.entity(full, 'resource', credentials) : undefined;
    },
    profile: ref => catalog.profile(ref, credentials),
    namespacesOnCluster: ref => catalog.namespacesOnCluster(ref, credentials),
    governed: entity => catalog.isGoverned(entity),
  };
  return {
    credentials,
    userRef,
    writer,
    lookups,
    actor: actorOf(ctx.user?.entity),
  };
}

/** The groups of the requesting user, from the catalog's relations or the entity's spec. */
export function actorOf(user: UserEntity | undefined): NamespaceActor {
  const fromRelations = (user?.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => r.targetRef);
  const memberOf =
    fromRelations.length > 0
      ? fromRelations
      : (user?.spec.memberOf ?? []).map(g =>
          g.includes(':') ? g : `group:${g.includes('/') ? g : `default/${g}`}`,
        );
  return { memberOf };
}
