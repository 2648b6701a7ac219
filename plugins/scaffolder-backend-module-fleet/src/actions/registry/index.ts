import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createPromoteRolloutAction } from './createPromoteRolloutAction';
import { createRequestClusterAction } from './createRequestClusterAction';
import { createRequestTenantNamespaceAction } from './createRequestTenantNamespaceAction';
import type { AnyTemplateAction } from './InlineTask';

export type FleetRequestActionsOptions = {
  actionsRegistry: ActionsRegistryService;
  auth: AuthService;
  catalog: CatalogService;
  permissions: PermissionsService;
  /** The module's template actions, as registered with the scaffolder. */
  templateActions: readonly AnyTemplateAction[];
  workingDirectory: string;
  entityPageUrl: (entityRef: string) => string;
};

/**
 * The request actions of the actions registry (served to AI agents over MCP): tenant namespace
 * and new cluster requests and rollout promotions, run through the very template actions of the
 * templates, as the calling user.
 */
export function createFleetRequestActions(options: FleetRequestActionsOptions) {
  createRequestTenantNamespaceAction(options);
  createRequestClusterAction(options);
  createPromoteRolloutAction(options);
}

export { InlineTask } from './InlineTask';
