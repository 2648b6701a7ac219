import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_PLATFORM_REPO_PROVIDER_ID,
  PLATFORM_REPO_PROVIDERS_CONFIG_KEY,
  platformRepoProviderConfigs,
  readPlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-node';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from './EntityFileCache';

export const CONFIG_KEY = PLATFORM_REPO_PROVIDERS_CONFIG_KEY;

/** Used when the config is a single provider object rather than a map of them. */
export const DEFAULT_PROVIDER_ID = DEFAULT_PLATFORM_REPO_PROVIDER_ID;

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 2 },
  timeout: { minutes: 3 },
};

export type PlatformRepoProviderConfig = {
  id: string;
  /** An http(s) or file:// URL, or an absolute path (relative paths are resolved). */
  remote: string;
  branch: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Where the bare mirror lives between runs. */
  workDir: string;
  /** Entity files larger than this many bytes are skipped without being read. */
  maxFileBytes: number;
};

/**
 * Reads `catalog.providers.fleetPlatformRepo`: one provider object (id `default`) or
 * a map of provider id to provider object, like the GitHub provider's config. The remote
 * and branch are read by fleet-node's `readPlatformRepoOrigin`, which the other fleet
 * backends use to tell this provider's entities from any other.
 */
export function readProviderConfigs(
  config: Config,
): PlatformRepoProviderConfig[] {
  return platformRepoProviderConfigs(config).map(provider => ({
    ...readPlatformRepoOrigin(provider.id, provider.config),
    schedule: provider.config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          provider.config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    workDir: path.resolve(
      provider.config.getOptionalString('workDir') ??
        path.join(os.tmpdir(), 'fleet-platform-repo', provider.id),
    ),
    maxFileBytes: readMaxFileBytes(provider.id, provider.config),
  }));
}

function readMaxFileBytes(id: string, config: Config): number {
  const value = config.getOptionalNumber('maxFileBytes');
  if (value === undefined) {
    return DEFAULT_MAX_FILE_BYTES;
  }
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new InputError(
      `${CONFIG_KEY}.${id}.maxFileBytes: ${value} is not a number of bytes (a whole number above 0, e.g. ${DEFAULT_MAX_FILE_BYTES} for 1 MiB)`,
    );
  }
  return value;
}
