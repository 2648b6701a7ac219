import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/** The permission checks the fleet routers share. */
export type PermissionGate = {
  /** The caller's credentials once allowed `permission`; NotAllowedError otherwise. */
  credentials(
    req: Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials>;
  /** Whether the credentials are allowed `permission`. */
  allowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean>;
};

export function permissionGate(
  httpAuth: HttpAuthService,
  permissions: PermissionsService,
): PermissionGate {
  async function allowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }
  return {
    allowed,
    async credentials(req, permission) {
      const credentials = await httpAuth.credentials(req);
      if (!(await allowed(credentials, permission))) {
        throw new NotAllowedError(`Missing permission ${permission.name}`);
      }
      return credentials;
    },
  };
}
