import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import os from 'node:os';
import path from 'node:path';

export const CONFIG_KEY = 'catalog.providers.fleetPlatformRepo';

/** Used when the config is a single provider object rather than a map of them. */
export const DEFAULT_PROVIDER_ID = 'default';

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
};

/**
 * Reads `catalog.providers.fleetPlatformRepo`: one provider object (id `default`) or
 * a map of provider id to provider object, like the GitHub provider's config.
 */
export function readProviderConfigs(
  config: Config,
): PlatformRepoProviderConfig[] {
  const providers = config.getOptionalConfig(CONFIG_KEY);
  if (!providers) {
    return [];
  }
  if (providers.has('remote')) {
    return [readProviderConfig(DEFAULT_PROVIDER_ID, providers)];
  }
  return providers
    .keys()
    .map(id => readProviderConfig(id, providers.getConfig(id)));
}

function readProviderConfig(
  id: string,
  config: Config,
): PlatformRepoProviderConfig {
  const branch = config.getOptionalString('branch') ?? 'main';
  if (!isBranchName(branch)) {
    throw new InputError(
      `${CONFIG_KEY}.${id}.branch: "${branch}" is not a branch name`,
    );
  }
  return {
    id,
    remote: readRemote(id, config.getString('remote')),
    branch,
    schedule: config.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          config.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
    workDir: path.resolve(
      config.getOptionalString('workDir') ??
        path.join(os.tmpdir(), 'fleet-platform-repo', id),
    ),
  };
}

function readRemote(id: string, remote: string): string {
  if (/^(https?|file):\/\//.test(remote)) {
    return remote;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[^/]+@[^/]+:/.test(remote)) {
    throw new InputError(
      `${CONFIG_KEY}.${id}.remote: only local paths, file:// and http(s) URLs are supported (for SSH remotes use the https URL and an integrations token)`,
    );
  }
  return path.resolve(remote);
}

// The subset of git-check-ref-format rules that matter for a branch in a refspec.
function isBranchName(branch: string): boolean {
  return (
    /^[\w./-]+$/.test(branch) &&
    !branch.startsWith('-') &&
    !branch.startsWith('/') &&
    !branch.endsWith('/') &&
    !branch.endsWith('.lock') &&
    !branch.includes('..') &&
    !branch.includes('//') &&
    !branch.split('/').some(part => part.startsWith('.'))
  );
}
