import type {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fleetRolloutPromotePermission } from '@fleet-portal/plugin-fleet-common';

/**
 * The user entity ref of credentials allowed `fleet.rollout.promote`. A promotion is authored by
 * a person, so a service token is refused whatever the policy says.
 *
 * @throws NotAllowedError for a service token or a user without the permission
 */
export async function authorizePromotion(
  deps: { auth: AuthService; permissions: PermissionsService },
  credentials: BackstageCredentials,
): Promise<string> {
  if (!deps.auth.isPrincipal(credentials, 'user')) {
    throw new NotAllowedError(
      'A rollout is promoted by a signed-in user: call with a user token, not a service token, so that the proposal is authored by a person',
    );
  }
  const user = credentials.principal.userEntityRef;
  const [decision] = await deps.permissions.authorize(
    [{ permission: fleetRolloutPromotePermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `${user} may not promote rollouts: the permission ${fleetRolloutPromotePermission.name} is not granted (platform owners promote)`,
    );
  }
  return user;
}
