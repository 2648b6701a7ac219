export { platformRepoPaths } from './layout';
export {
  PLATFORM_REPO_LOCATION_TYPE,
  platformRepoBlobUrl,
  platformRepoBrowseBase,
  platformRepoFileLocation,
} from './locations';
export type { PlatformRepoOrigin } from './locations';
export {
  GOVERNED_NAMESPACE,
  isFromPlatformRepository,
  isFromRepositoryOf,
  platformRepoEntityPath,
  PROVENANCE_FIELDS,
} from './provenance';
