import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  catalogEntityDeletePermission,
  catalogIngestionManagePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';

/** Permissions that change what the catalog ingests: platform owners only. */
const PLATFORM_OWNER_ONLY = new Set<string>([
  catalogEntityDeletePermission.name,
  catalogLocationCreatePermission.name,
  catalogLocationDeletePermission.name,
  catalogIngestionManagePermission.name,
]);

export interface FleetPortalPolicyOptions {
  /** Entity refs (usually groups) whose members are platform owners. */
  platformOwnerRefs: string[];
}

/**
 * The demo app's policy for the three personas: platform owners may do everything; everyone else may
 * read and use the portal but not change what the catalog ingests. The suite's own permissions
 * (fleet.*) are added here as their features land.
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
