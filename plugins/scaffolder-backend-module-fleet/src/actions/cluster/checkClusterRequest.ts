import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  type Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CLUSTER_PROFILE_KIND,
  type ClusterProfileEntity,
  GOVERNED_NAMESPACE,
  isClusterProfileEntity,
  isFromPlatformRepository,
  type PlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-common';
import type { ClusterRequest } from './request';
import {
  checkClusterRequestAgainstProfile,
  type FleetValidationIssue,
  formatRequestIssues,
  issue,
  requestedProfileVersion,
} from '@fleet-portal/plugin-fleet-common';

export type ClusterRequestCheckDeps = {
  catalog: CatalogService;
  auth: AuthService;
  /** The configured platform-repo providers: only their profiles build clusters. */
  origins: readonly PlatformRepoOrigin[];
  /** @defaultValue () => new Date() */
  now?: () => Date;
};

/** A request that passed every rule, with what the rules resolved. */
export type CheckedClusterRequest = {
  request: ClusterRequest;
  profile: ClusterProfileEntity;
  profileRef: string;
  profileVersion: string;
  ownerRef: string;
  /** The owning group as people read it: its display name, title or name. */
  ownerTitle: string;
};

/**
 * Checks a cluster request against the catalog (profile, owner group, unused name) and the
 * profile's rules. Every broken rule is collected and thrown as one InputError that names each
 * field, so the requester fixes them all in one go.
 *
 * Catalog reads use the module's own service credentials: whether a name is taken must not depend
 * on what the requester may see. The profile counts only when it is from the platform repository
 * (`isFromPlatformRepository`); a name is taken by any cluster Resource, wherever it came from.
 */
export async function checkClusterRequest(
  deps: ClusterRequestCheckDeps,
  request: ClusterRequest,
): Promise<CheckedClusterRequest> {
  const credentials = await deps.auth.getOwnServiceCredentials();
  const problems: FleetValidationIssue[] = [];

  const profileRef = normalizeRef(
    request.profile,
    'clusterprofile',
    'profile',
    problems,
  );
  const ownerRef = normalizeRef(request.owner, 'group', 'owner', problems);

  const [profileEntity, ownerEntity, sameName] = await Promise.all([
    profileRef
      ? deps.catalog.getEntityByRef(profileRef, { credentials })
      : undefined,
    ownerRef
      ? deps.catalog.getEntityByRef(ownerRef, { credentials })
      : undefined,
    findClusterNamed(deps.catalog, request.name, credentials),
  ]);

  let profile: ClusterProfileEntity | undefined;
  if (profileRef && !profileEntity) {
    problems.push(
      issue(
        'profile',
        `there is no ClusterProfile ${profileRef} in the catalog`,
      ),
    );
  } else if (profileEntity && !isClusterProfileEntity(profileEntity)) {
    problems.push(
      issue('profile', `${profileRef} is not a ${CLUSTER_PROFILE_KIND}`),
    );
  } else if (
    profileEntity &&
    !isFromPlatformRepository(profileEntity, deps.origins)
  ) {
    problems.push(
      issue(
        'profile',
        `${profileRef} is not from the platform repository (the catalog records another origin for it); clusters are built only from its profiles`,
      ),
    );
  } else if (profileEntity) {
    profile = profileEntity as ClusterProfileEntity;
  }

  if (ownerRef && parseEntityRef(ownerRef).kind !== 'group') {
    problems.push(
      issue(
        'owner',
        `${ownerRef} is not a group — clusters are owned by teams`,
      ),
    );
  } else if (ownerRef && !ownerEntity) {
    problems.push(
      issue('owner', `there is no group ${ownerRef} in the catalog`),
    );
  }

  if (sameName) {
    problems.push(
      issue(
        'name',
        `${request.name} is already used by ${stringifyEntityRef(
          sameName,
        )} in the catalog — a cluster name cannot be reused`,
      ),
    );
  }

  if (profile) {
    problems.push(
      ...checkClusterRequestAgainstProfile(
        request,
        profile,
        (deps.now ?? (() => new Date()))(),
      ),
    );
  }

  if (problems.length > 0 || !profile || !profileRef || !ownerRef) {
    throw new InputError(formatRequestIssues('cluster', problems));
  }
  return {
    request,
    profile,
    profileRef,
    profileVersion: requestedProfileVersion(request, profile),
    ownerRef,
    ownerTitle: entityTitle(ownerEntity) ?? ownerRef,
  };
}

function entityTitle(entity: Entity | undefined): string | undefined {
  const displayName = (entity?.spec?.profile as { displayName?: unknown })
    ?.displayName;
  return typeof displayName === 'string'
    ? displayName
    : entity?.metadata.title ?? entity?.metadata.name;
}

function normalizeRef(
  value: string,
  defaultKind: string,
  field: string,
  problems: FleetValidationIssue[],
): string | undefined {
  if (!value?.trim()) {
    problems.push(issue(field, 'is required'));
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value.trim(), {
        defaultKind,
        defaultNamespace: GOVERNED_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    problems.push(issue(field, `"${value}" is not an entity reference`));
    return undefined;
  }
}

/** Any cluster Resource with this name, in any namespace. */
async function findClusterNamed(
  catalog: CatalogService,
  name: string,
  credentials: BackstageCredentials,
) {
  if (!name) {
    return undefined;
  }
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Resource', 'metadata.name': name },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    },
    { credentials },
  );
  return items[0];
}
