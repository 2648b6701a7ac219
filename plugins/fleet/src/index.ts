/**
 * Fleet Portal frontend: cluster overview and tenant namespace cards, the cluster profile tab
 * and the fleet lifecycle page, for apps on the legacy frontend system. The new frontend
 * system uses the `/alpha` entry.
 *
 * @packageDocumentation
 */

export {
  EntityClusterOverviewCard,
  EntityClusterProfileContent,
  EntityTenantNamespaceCard,
  FleetLifecyclePage,
  fleetPlugin,
  hasFleetFields,
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
} from './plugin';
export { fleetApiRef } from './api/FleetApi';
export type { FleetApi } from './api/FleetApi';
export { FleetClient } from './api/FleetClient';
