import type {
  HttpAuthService,
  HttpRouterService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  fleetPlatformRepoReadPermission,
  isAllowedDecision,
  PLATFORM_REPO_STATUS_PATH,
  PlatformRepoStatusList,
} from '@fleet-portal/plugin-fleet-common';
import type {
  PlatformRepoSource,
  PlatformRepoStatusStore,
} from './PlatformRepoStatusStore';

/** An express request handler, as the plugin's HTTP router takes it. */
type RequestHandler = Parameters<HttpRouterService['use']>[0];

/**
 * `GET /fleet/platform-repositories` under the catalog plugin (`/api/catalog/…`): the
 * state of every configured platform repository, for callers allowed
 * `fleet.platformRepo.read` (a 403 for everyone else, before anything is read). Users
 * and services (the fleet backend's metrics) alike.
 */
export function createStatusRoute(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  store: PlatformRepoStatusStore;
  /** The configured providers, remotes redacted. */
  sources: PlatformRepoSource[];
}): RequestHandler {
  const { httpAuth, permissions, store, sources } = options;

  async function statusList(
    req: Parameters<RequestHandler>[0],
  ): Promise<PlatformRepoStatusList> {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: fleetPlatformRepoReadPermission }],
      { credentials },
    );
    if (!isAllowedDecision(decision)) {
      throw new NotAllowedError(
        `Seeing the state of the platform repositories needs the ${fleetPlatformRepoReadPermission.name} permission`,
      );
    }
    return { items: await store.list(sources) };
  }

  // One route, so a plain handler rather than a router of its own.
  return (req, res, next) => {
    if (req.method !== 'GET' || req.path !== PLATFORM_REPO_STATUS_PATH) {
      next();
      return;
    }
    statusList(req).then(body => res.json(body), next);
  };
}
