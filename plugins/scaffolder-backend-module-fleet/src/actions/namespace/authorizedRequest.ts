import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { UserEntity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fleetNamespaceRequestPermission } from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import type { FleetCatalog } from '../../catalog/FleetCatalog';
import type { NamespaceRequestInput } from './namespaceRequest';
import { checkNotReserved } from './reservedNamespaces';
import {
  validateNamespaceRequest,
  ValidatedNamespaceRequest,
} from './validateNamespaceRequest';

export type NamespaceActionDeps = {
  catalog: FleetCatalog;
  permissions: PermissionsService;
  /** When given, duplicates are also looked for in the platform repository. */
  writer?: PlatformRepoWriter;
  /** Today, `YYYY-MM-DD`; for tests. */
  today?: () => string;
  /** Namespaces this deployment reserves besides fleet-common's (`fleetPortal.scaffolder.reservedNamespaces`). */
  reservedNamespaces?: readonly string[];
};

type RequestContext = {
  input: Partial<NamespaceRequestInput>;
  user?: { ref?: string; entity?: UserEntity };
  getInitiatorCredentials(): Promise<BackstageCredentials>;
};

/**
 * Checks the `fleet.namespace.request` permission with the initiating user's
 * credentials, then validates the request against the catalog and the profile.
 */
export async function authorizedNamespaceRequest(
  ctx: RequestContext,
  deps: NamespaceActionDeps,
): Promise<ValidatedNamespaceRequest> {
  const credentials = await ctx.getInitiatorCredentials();
  await authorizeNamespaceRequest(deps.permissions, credentials);
  checkNotReserved(ctx.input.namespace, deps.reservedNamespaces);
  return validateNamespaceRequest(ctx.input, {
    catalog: deps.catalog,
    credentials,
    user: ctx.user ?? {},
    writer: deps.writer,
    today: deps.today?.(),
  });
}

export async function authorizeNamespaceRequest(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
) {
  const [decision] = await permissions.authorize(
    [{ permission: fleetNamespaceRequestPermission }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to request tenant namespaces (${fleetNamespaceRequestPermission.name})`,
    );
  }
}
