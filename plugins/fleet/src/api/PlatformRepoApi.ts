import { createApiRef } from '@backstage/frontend-plugin-api';
import type { PlatformRepoStatusList } from '@fleet-portal/plugin-fleet-common';

/**
 * The state of the platform repositories, served by the fleet catalog module under the
 * catalog plugin. Every method throws a ResponseError on a non-2xx answer (403 without
 * `fleet.platformRepo.read`).
 */
export interface PlatformRepoApi {
  /** Each configured platform repository: what was last read, every skipped file, any failure. */
  getStatus(): Promise<PlatformRepoStatusList>;
}

export const platformRepoApiRef = createApiRef<PlatformRepoApi>().with({
  id: 'plugin.fleet.platform-repo',
  pluginId: 'fleet',
});
