/**
 * The location type of entities from a platform repository that is not on the web. No
 * catalog processor reads it, so no registered location can produce entities with it.
 */
export const PLATFORM_REPO_LOCATION_TYPE = 'fleet-platform-repo';

/** A platform repository as its catalog provider reads it. */
export type PlatformRepoOrigin = {
  /** An https or file:// URL, or an absolute path, as the provider's config resolves it. */
  remote: string;
  branch: string;
};

/**
 * The `backstage.io/managed-by-location` and `managed-by-origin-location` the platform-repo
 * provider gives the entity of a file. It depends only on the remote, branch and path —
 * never on the commit — so an entity changes only when its file does.
 *
 * HTTPS remotes get the GitHub/GitLab browse form `url:<repository>/blob/<branch>/<path>`;
 * every other remote gets `fleet-platform-repo:<remote>/<path>`. Credentials in the remote
 * are never part of it.
 */
export function platformRepoFileLocation(
  origin: PlatformRepoOrigin,
  filePath: string,
): string {
  const repository = platformRepoBrowseBase(origin.remote);
  if (repository) {
    return `url:${platformRepoBlobUrl(repository, origin.branch, filePath)}`;
  }
  const base = origin.remote
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]+@/i, '$1')
    .replace(/\/+$/, '');
  return `${PLATFORM_REPO_LOCATION_TYPE}:${base}/${filePath}`;
}

/** `<repository>/blob/<branch>/<path>`: the browser URL of a file of an https remote. */
export function platformRepoBlobUrl(
  repository: string,
  branch: string,
  filePath: string,
): string {
  return `${repository}/blob/${branch}/${filePath}`;
}

/**
 * The browsable repository URL of an https remote, without credentials, query or `.git`;
 * undefined for any other remote.
 */
export function platformRepoBrowseBase(remote: string): string | undefined {
  if (!remote.startsWith('https://')) {
    return undefined;
  }
  const url = new URL(remote);
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  return url
    .toString()
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}
