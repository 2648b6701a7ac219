import type { RequestActionOptions } from './requestActionOptions';
import { createPromoteRolloutAction } from './createPromoteRolloutAction';
import { createRequestClusterAction } from './createRequestClusterAction';
import { createRequestTenantNamespaceAction } from './createRequestTenantNamespaceAction';

/**
 * The request actions of the actions registry (served to AI agents over MCP): tenant namespace
 * and new cluster requests and rollout promotions, run through the very template actions of the
 * templates, as the calling user.
 */
export function createFleetRequestActions(options: RequestActionOptions) {
  createRequestTenantNamespaceAction(options);
  createRequestClusterAction(options);
  createPromoteRolloutAction(options);
}

export { InlineTask } from './InlineTask';
