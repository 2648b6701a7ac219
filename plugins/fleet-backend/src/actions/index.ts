import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { PlatformRepoOrigin } from '@fleet-portal/plugin-fleet-common';
import type { CidrService } from '../cidr/CidrService';
import type { HealthService } from '../health/HealthService';
import type { FleetInventory } from '../service/FleetInventory';
import type { RolloutService } from '../rollout/RolloutService';
import { createGetClusterHealthAction } from './createGetClusterHealthAction';
import { createGetClusterLifecycleAction } from './createGetClusterLifecycleAction';
import { createGetClusterProfileAction } from './createGetClusterProfileAction';
import { createGetRolloutAction } from './createGetRolloutAction';
import { createListClustersAction } from './createListClustersAction';
import { createPreviewClusterCidrsAction } from './createPreviewClusterCidrsAction';
import type { PortalLinks } from '@fleet-portal/plugin-fleet-node';

export type FleetActionsOptions = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  catalog: CatalogService;
  inventory: FleetInventory;
  /** Absent when `fleet.health` configures no metrics source. */
  health?: HealthService;
  cidr: CidrService;
  origins: readonly PlatformRepoOrigin[];
  links: PortalLinks;
  /** Profile rollouts; absent in tests of other actions. */
  rollouts?: RolloutService;
};

/**
 * The fleet's read-only actions in the actions registry (served to AI agents over MCP): the same
 * services and permissions as the REST API and the pages, with the caller's credentials.
 */
export function createFleetActions(options: FleetActionsOptions) {
  createListClustersAction(options);
  createGetClusterLifecycleAction(options);
  createGetClusterHealthAction(options);
  createGetClusterProfileAction(options);
  createPreviewClusterCidrsAction(options);
  createGetRolloutAction(options);
}

export { PortalLinks } from '@fleet-portal/plugin-fleet-node';
