import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  fleetClusterRequestPermission,
  fleetClusterRetirePermission,
} from '@fleet-portal/plugin-fleet-common';

/**
 * Throws a NotAllowedError unless the initiating user holds `fleet.cluster.request`. Checked by
 * every cluster action, so calling an action directly (not through the template) is refused too.
 */
export async function authorizeClusterRequest(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  userRef: string | undefined,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: fleetClusterRequestPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `${userRef ?? 'This user'} may not request new clusters: the permission ${
        fleetClusterRequestPermission.name
      } is not granted (platform owners request clusters)`,
    );
  }
}

/**
 * Throws a NotAllowedError unless the initiating user holds `fleet.cluster.retire`, checked by
 * fleet:cluster:retire before anything is read or written.
 */
export async function authorizeClusterRetirement(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  userRef: string | undefined,
): Promise<void> {
  const [decision] = await permissions.authorize(
    [{ permission: fleetClusterRetirePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `${userRef ?? 'This user'} may not retire clusters: the permission ${
        fleetClusterRetirePermission.name
      } is not granted (platform owners retire clusters)`,
    );
  }
}
