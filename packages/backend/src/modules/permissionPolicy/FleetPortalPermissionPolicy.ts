import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogIngestionManagePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  fleetCidrReservationDeletePermission,
  fleetClusterRequestPermission,
  fleetClusterRetirePermission,
  fleetNamespaceChangePermission,
  fleetNamespaceDecommissionPermission,
  fleetNamespaceRequestPermission,
  fleetPlatformRepoReadPermission,
  fleetRolloutPromotePermission,
} from '@fleet-portal/plugin-fleet-common';

/**
 * Permissions that change what the catalog ingests, or show how it ingests the platform
 * repository (its remote and every broken file): platform owners only.
 */
const PLATFORM_OWNER_ONLY = new Set<string>([
  catalogEntityDeletePermission.name,
  catalogLocationCreatePermission.name,
  catalogLocationDeletePermission.name,
  catalogIngestionManagePermission.name,
  fleetClusterRequestPermission.name,
  fleetPlatformRepoReadPermission.name,
  fleetCidrReservationDeletePermission.name,
  fleetClusterRetirePermission.name,
  fleetRolloutPromotePermission.name,
]);

/**
 * Entities (templates) that are only for holders of a permission carry it in this annotation;
 * whoever lacks the permission does not see them in the catalog or the scaffolder.
 */
export const REQUIRES_PERMISSION_ANNOTATION =
  'fleet-portal.dev/requires-permission';

/** The fleet permissions of platform owners only, which templates may require. */
const PLATFORM_OWNER_ONLY_FLEET = [
  fleetClusterRequestPermission.name,
  fleetClusterRetirePermission.name,
  fleetRolloutPromotePermission.name,
];

export interface FleetPortalPolicyOptions {
  /** Entity refs (usually groups) whose members are platform owners. */
  platformOwnerRefs: string[];
  /**
   * Entity refs of the application teams whose members may request tenant namespaces
   * (`fleet.namespace.request`); platform owners always may. When absent, members of
   * any group may.
   */
  namespaceRequesterRefs?: string[];
}

/**
 * The demo app's policy for the three personas: platform owners may do everything; everyone else may
 * read and use the portal but not change what the catalog ingests, nor request clusters
 * (`fleet.cluster.request`) — and does not see the templates that need it — nor see the state
 * of the platform repository (`fleet.platformRepo.read`). Members of the
 * application teams may request tenant namespaces (`fleet.namespace.request`). The suite's own
 * permissions (fleet.*) are added here as their features land.
 */
export class FleetPortalPermissionPolicy implements PermissionPolicy {
  private readonly platformOwnerRefs: Set<string>;
  private readonly namespaceRequesterRefs?: Set<string>;

  constructor(options: FleetPortalPolicyOptions) {
    this.platformOwnerRefs = new Set(
      options.platformOwnerRefs.map(ref => ref.toLocaleLowerCase('en-US')),
    );
    if (options.namespaceRequesterRefs) {
      this.namespaceRequesterRefs = new Set(
        options.namespaceRequesterRefs.map(ref =>
          ref.toLocaleLowerCase('en-US'),
        ),
      );
    }
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, catalogEntityReadPermission) &&
      !this.isPlatformOwner(user)
    ) {
      // Hide what requires a permission this user lacks, e.g. the new-cluster template.
      const [first, ...rest] = PLATFORM_OWNER_ONLY_FLEET.map(permission =>
        catalogConditions.hasAnnotation({
          annotation: REQUIRES_PERMISSION_ANNOTATION,
          value: permission,
        }),
      );
      return createCatalogConditionalDecision(request.permission, {
        not: { anyOf: [first, ...rest] },
      });
    }
    if (
      isPermission(request.permission, fleetNamespaceRequestPermission) ||
      isPermission(request.permission, fleetNamespaceChangePermission) ||
      isPermission(request.permission, fleetNamespaceDecommissionPermission)
    ) {
      // Whether the request lands directly or as a proposal is not the policy's call:
      // the action decides it from the cluster's profile (production is always a proposal).
      // Changing or giving back a namespace also needs membership of its owning team (or
      // of the platform owners), which the actions check against the namespace.
      return {
        result:
          this.isPlatformOwner(user) || this.isNamespaceRequester(user)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      };
    }
    if (!PLATFORM_OWNER_ONLY.has(request.permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    return {
      result: this.isPlatformOwner(user)
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }

  private isNamespaceRequester(user?: PolicyQueryUser): boolean {
    const refs = (user?.info.ownershipEntityRefs ?? []).map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    const allowed = this.namespaceRequesterRefs;
    return allowed
      ? refs.some(ref => allowed.has(ref))
      : refs.some(ref => ref.startsWith('group:'));
  }

  private isPlatformOwner(user?: PolicyQueryUser): boolean {
    const refs = user?.info.ownershipEntityRefs ?? [];
    return refs.some(ref =>
      this.platformOwnerRefs.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}
