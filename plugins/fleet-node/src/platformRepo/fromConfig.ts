import type { Config } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GitAuthorization } from './gitAuthorization';
import { GitIdentity, PlatformRepoWriter } from './PlatformRepoWriter';

/** Where the platform repository lives, as read from config. */
export type PlatformRepoLocation = {
  remote: string;
  branch: string;
  /** Browser URL of a branch with `{branch}` in it, e.g. `https://git.example/org/repo/tree/{branch}`. */
  branchUrl?: string;
  committer?: GitIdentity;
};

/**
 * The platform repository the suite writes to: `fleetPortal.platformRepo`, or, when
 * that is absent, the one repository the catalog reads (`catalog.providers.fleetPlatformRepo`
 * with a single provider). Undefined when neither names exactly one repository.
 */
export function readPlatformRepoLocation(
  config: Config,
): PlatformRepoLocation | undefined {
  const own = config.getOptionalConfig('fleetPortal.platformRepo');
  if (own) {
    const committer = own.getOptionalConfig('committer');
    return {
      remote: own.getString('remote'),
      branch: own.getOptionalString('branch') ?? 'main',
      branchUrl: own.getOptionalString('branchUrl'),
      committer: committer && {
        name: committer.getString('name'),
        email: committer.getString('email'),
      },
    };
  }
  const providers = config.getOptionalConfig(
    'catalog.providers.fleetPlatformRepo',
  );
  if (!providers) {
    return undefined;
  }
  if (providers.has('remote')) {
    return {
      remote: providers.getString('remote'),
      branch: providers.getOptionalString('branch') ?? 'main',
    };
  }
  const ids = providers.keys();
  if (ids.length !== 1) {
    return undefined;
  }
  const single = providers.getConfig(ids[0]);
  return {
    remote: single.getString('remote'),
    branch: single.getOptionalString('branch') ?? 'main',
  };
}

/**
 * A writer for the configured platform repository, with credentials for https remotes
 * from the `integrations` config of the remote's host. Undefined when no repository is
 * configured.
 */
export function platformRepoWriterFromConfig(
  config: Config,
  options: { tmpDir?: string } = {},
): PlatformRepoWriter | undefined {
  const location = readPlatformRepoLocation(config);
  if (!location) {
    return undefined;
  }
  const authorization = new GitAuthorization(
    ScmIntegrations.fromConfig(config),
  );
  const { branchUrl } = location;
  return new PlatformRepoWriter({
    remote: location.remote,
    branch: location.branch,
    committer: location.committer,
    authorization: () => authorization.forRemote(location.remote),
    branchUrl: branchUrl
      ? branch => branchUrl.split('{branch}').join(encodeURIComponent(branch))
      : undefined,
    tmpDir: options.tmpDir,
  });
}
