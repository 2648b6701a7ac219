import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
} from '@backstage/catalog-model';
import {
  ANNOTATION_FLEET_SOURCE,
  ANNOTATION_FLEET_SOURCE_FILE,
} from '@fleet-portal/plugin-fleet-common';
import { PLATFORM_REPO_SOURCE } from '../constants';

/** The location type of entities from a platform repository that is not on the web. */
export const PLATFORM_REPO_LOCATION_TYPE = 'fleet-platform-repo';

/**
 * The annotations that tie an entity to its file in the platform repository. They
 * depend only on the remote, branch and path — never on the commit — so an entity
 * changes only when its file does.
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
  const common = {
    [ANNOTATION_FLEET_SOURCE]: PLATFORM_REPO_SOURCE,
    [ANNOTATION_FLEET_SOURCE_FILE]: filePath,
  };
  const repository = browseBase(remote);
  if (!repository) {
    const base = remote.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]+@/i, '$1');
    const location = `${PLATFORM_REPO_LOCATION_TYPE}:${base.replace(
      /\/+$/,
      '',
    )}/${filePath}`;
    return {
      [ANNOTATION_LOCATION]: location,
      [ANNOTATION_ORIGIN_LOCATION]: location,
      ...common,
    };
  }
  const fileUrl = `${repository}/blob/${branch}/${filePath}`;
  const directory = filePath.slice(0, filePath.lastIndexOf('/') + 1);
  return {
    [ANNOTATION_LOCATION]: `url:${fileUrl}`,
    [ANNOTATION_ORIGIN_LOCATION]: `url:${fileUrl}`,
    [ANNOTATION_VIEW_URL]: fileUrl,
    [ANNOTATION_SOURCE_LOCATION]: `url:${repository}/tree/${branch}/${directory}`,
    ...common,
  };
}

/** The browsable repository URL of an https remote, without credentials or `.git`. */
function browseBase(remote: string): string | undefined {
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
