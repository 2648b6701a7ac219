import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { PlatformRepoOrigin } from '@fleet-portal/plugin-fleet-common';
import path from 'node:path';

/** Where the platform-repo providers of the catalog module are configured. */
export const PLATFORM_REPO_PROVIDERS_CONFIG_KEY =
  'catalog.providers.fleetPlatformRepo';

/** The id of the provider when the config is one provider object rather than a map of them. */
export const DEFAULT_PLATFORM_REPO_PROVIDER_ID = 'default';

/** One configured platform-repo provider: what its entities' origin locations are made of. */
export type PlatformRepoProviderOrigin = PlatformRepoOrigin & { id: string };

/**
 * The config of each platform-repo provider under `catalog.providers.fleetPlatformRepo`:
 * one provider object (id `default`) or a map of provider id to provider object.
 */
export function platformRepoProviderConfigs(
  config: Config,
): Array<{ id: string; config: Config }> {
  const providers = config.getOptionalConfig(
    PLATFORM_REPO_PROVIDERS_CONFIG_KEY,
  );
  if (!providers) {
    return [];
  }
  if (providers.has('remote')) {
    return [{ id: DEFAULT_PLATFORM_REPO_PROVIDER_ID, config: providers }];
  }
  return providers.keys().map(id => ({ id, config: providers.getConfig(id) }));
}

/**
 * The remote and branch of every configured platform-repo provider, resolved exactly as the
 * provider resolves them (a relative path against the working directory), so that
 * `isFromPlatformRepository` compares an entity's origin with what the provider gives it.
 * Shared by the catalog module, the scaffolder module and the fleet backend.
 */
export function readPlatformRepoOrigins(
  config: Config,
): PlatformRepoProviderOrigin[] {
  return platformRepoProviderConfigs(config).map(provider =>
    readPlatformRepoOrigin(provider.id, provider.config),
  );
}

/** The remote and branch of one provider's config; rejects what git could misread. */
export function readPlatformRepoOrigin(
  id: string,
  config: Config,
): PlatformRepoProviderOrigin {
  const at = `${PLATFORM_REPO_PROVIDERS_CONFIG_KEY}.${id}`;
  const branch = config.getOptionalString('branch') ?? 'main';
  if (!isBranchName(branch)) {
    throw new InputError(`${at}.branch: "${branch}" is not a branch name`);
  }
  return {
    id,
    remote: readRemote(at, config.getString('remote')),
    branch,
  };
}

function readRemote(at: string, remote: string): string {
  if (/^(https?|file):\/\//.test(remote)) {
    return remote;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(remote) || /^[^/]+@[^/]+:/.test(remote)) {
    throw new InputError(
      `${at}.remote: only local paths, file:// and http(s) URLs are supported (for SSH remotes use the https URL and an integrations token)`,
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
