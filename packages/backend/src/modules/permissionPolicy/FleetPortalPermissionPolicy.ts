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
import { fleetClusterRequestPermission } from '@fleet-portal/plugin-fleet-common';

/** Permissions that change what the catalog ingests: platform owners only. */
const PLATFORM_OWNER_ONLY = new Set<string>([
  catalogEntityDeletePermission.name,
  catalogLocationCreatePermission.name,
  catalogLocationDeletePermission.name,
  catalogIngestionManagePermission.name,
  fleetClusterRequestPermission.name,
]);

/**
 * Entities (templates) that are only for holders of a permission carry it in this annotation;
 * whoever lacks the permission does not see them in the catalog or the scaffolder.
 */
export const REQUIRES_PERMISSION_ANNOTATION = 'fleet-portal.dev/requires-permission';

/** The fleet permissions of platform owners only, which templates may require. */
const PLATFORM_OWNER_ONLY_FLEET = [fleetClusterRequestPermission.name];

export interface FleetPortalPolicyOptions {
  /** Entity refs (usually groups) whose members are platform owners. */
  platformOwnerRefs: string[];
}

/**
 * The demo app's policy for the three personas: platform owners may do everything; everyone else may
 * read and use the portal but not change what the catalog ingests, nor request clusters
 * (`fleet.cluster.request`) — and does not see the templates that need it. The suite's own
 * permissions (fleet.*) are added here as their features land.
 */
export class FleetPortalPermissionPolicy implements PermissionPolicy {
  private readonly platformOwnerRefs: Set<string>;

  constructor(options: FleetPortalPolicyOptions) {
    this.platformOwnerRefs = new Set(
      options.platformOwnerRefs.map(ref => ref.toLocaleLowerCase('en-US')),
    );
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
      return createCatalogConditionalDecision(request.permission, {
        not: {
          anyOf: PLATFORM_OWNER_ONLY_FLEET.map(permission =>
            catalogConditions.hasAnnotation({
              annotation: REQUIRES_PERMISSION_ANNOTATION,
              value: permission,
            }),
          ),
        },
      });
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

  private isPlatformOwner(user?: PolicyQueryUser): boolean {
    const refs = user?.info.ownershipEntityRefs ?? [];
    return refs.some(ref =>
      this.platformOwnerRefs.has(ref.toLocaleLowerCase('en-US')),
    );
  }
}
