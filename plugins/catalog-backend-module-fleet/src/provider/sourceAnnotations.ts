import { platformRepoSourceAnnotations } from '@fleet-portal/plugin-fleet-node';

export { PLATFORM_REPO_LOCATION_TYPE } from '@fleet-portal/plugin-fleet-common';

/**
 * The annotations that tie an entity to its file in the platform repository (fleet-node's
 * `platformRepoSourceAnnotations`, the one source of truth that the provenance check of the
 * other fleet backends compares against). They depend only on the remote, branch and path —
 * never on the commit — so an entity changes only when its file does.
 *
 * HTTPS remotes get `url:` locations and browse links in the GitHub/GitLab form
 * `<repository>/blob/<branch>/<path>`; local remotes get
 * `fleet-platform-repo:<remote>/<path>`.
 */
export function sourceAnnotations(
  remote: string,
  branch: string,
  filePath: string,
): Record<string, string> {
  return platformRepoSourceAnnotations({ remote, branch }, filePath);
}
