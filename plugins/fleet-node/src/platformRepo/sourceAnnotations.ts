import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
} from '@backstage/catalog-model';
import {
  ANNOTATION_FLEET_SOURCE,
  ANNOTATION_FLEET_SOURCE_FILE,
  FleetSource,
  platformRepoBlobUrl,
  platformRepoBrowseBase,
  platformRepoFileLocation,
  PlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-common';

const PLATFORM_REPO_SOURCE: FleetSource = 'platform-repo';

/**
 * The annotations the platform-repo provider gives the entity of a file: its location and
 * origin location (`platformRepoFileLocation`, which isFromPlatformRepository checks), and
 * for https remotes the browse links `backstage.io/view-url` and `backstage.io/source-location`.
 * They depend only on the remote, branch and path — never on the commit.
 */
export function platformRepoSourceAnnotations(
  origin: PlatformRepoOrigin,
  filePath: string,
): Record<string, string> {
  const location = platformRepoFileLocation(origin, filePath);
  const common = {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
    [ANNOTATION_FLEET_SOURCE]: PLATFORM_REPO_SOURCE,
    [ANNOTATION_FLEET_SOURCE_FILE]: filePath,
  };
  const repository = platformRepoBrowseBase(origin.remote);
  if (!repository) {
    return common;
  }
  const directory = filePath.slice(0, filePath.lastIndexOf('/') + 1);
  return {
    ...common,
    [ANNOTATION_VIEW_URL]: platformRepoBlobUrl(
      repository,
      origin.branch,
      filePath,
    ),
    [ANNOTATION_SOURCE_LOCATION]: `url:${repository}/tree/${origin.branch}/${directory}`,
  };
}
