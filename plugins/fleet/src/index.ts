/**
 * Fleet Portal frontend: cluster overview and tenant namespace cards, the cluster profile tab
 * and the fleet lifecycle page, for apps on the legacy frontend system. The new frontend
 * system uses the `/alpha` entry.
 *
 * @packageDocumentation
 */

export {
  EntityClusterHealthContent,
  EntityClusterOverviewCard,
  EntityClusterProfileContent,
  EntityClusterProfileRolloutContent,
  EntityNamespaceBudgetCard,
  EntityNamespaceHealthCard,
  EntityTenantNamespaceCard,
  FleetHealthPage,
  FleetLifecyclePage,
  FleetPlatformRepositoryPage,
  FleetRolloutsPage,
  fleetPlugin,
  hasFleetFields,
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
} from './plugin';
export { fleetApiRef } from './api/FleetApi';
export type { FleetApi } from './api/FleetApi';
export { FleetClient } from './api/FleetClient';
export { fleetHealthApiRef } from './api/FleetHealthApi';
export type { FleetHealthApi } from './api/FleetHealthApi';
export { FleetHealthClient } from './api/FleetHealthClient';
export { platformRepoApiRef } from './api/PlatformRepoApi';
export type { PlatformRepoApi } from './api/PlatformRepoApi';
export { PlatformRepoClient } from './api/PlatformRepoClient';
export { rolloutApiRef } from './api/RolloutApi';
export type { RolloutApi } from './api/RolloutApi';
export { RolloutClient } from './api/RolloutClient';
export {
  FleetCidrPreviewFieldExtension,
  FleetClusterNameBuilderFieldExtension,
  FleetClusterProfilePickerFieldExtension,
  FleetLifetimeDateFieldExtension,
  FleetNodeCountFieldExtension,
  FleetProfileChoiceFieldExtension,
} from './components/scaffolder/cluster/legacy';
export {
  FleetClusterPickerFieldExtension,
  FleetNamespaceQuotaFieldExtension,
  FleetNamespaceRolesFieldExtension,
  FleetRequestTextFieldExtension,
} from './components/scaffolder/namespace/legacy';
export { FleetRolloutGateFieldExtension } from './components/scaffolder/rollout/legacy';
export {
  FleetNamespaceLimitsFieldExtension,
  FleetNamespacePickerFieldExtension,
} from './components/scaffolder/namespaceChange/legacy';
export {
  MyFleetContent,
  MyRequestsContent,
  MyReviewsContent,
  QuickLinksContent,
  useMyDisplayName,
} from './components/home';
export {
  fleetClusterColumns,
  isClusterList,
  withFleetClusterColumns,
} from './components/CatalogClusterColumns';
export type { CatalogRow } from './components/CatalogClusterColumns';
