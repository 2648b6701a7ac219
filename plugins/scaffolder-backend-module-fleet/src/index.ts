/**
 * Scaffolder actions of Fleet Portal: tenant namespace and new cluster requests validated against the catalog and the cluster profile, rendered into the platform repository and proposed as Git changes.
 *
 * @packageDocumentation
 */

export { scaffolderModuleFleet as default } from './module';
export { createNamespaceRenderAction } from './actions/namespace/renderAction';
export { createNamespaceValidateAction } from './actions/namespace/validateAction';
export { createPlatformRepoProposeAction } from './actions/platformRepo/proposeAction';
export type { PlatformRepoProposeDeps } from './actions/platformRepo/proposeAction';
export type { NamespaceActionDeps } from './actions/namespace/authorizedRequest';
export { FleetCatalog } from './catalog/FleetCatalog';
export { KubernetesApplier } from './kubernetes/KubernetesApplier';
export type { LiveNamespaceState } from './kubernetes/KubernetesApplier';
export {
  DIRECT_APPLY_KINDS,
  directApplyProblems,
} from './kubernetes/directApplyPolicy';
export type { DirectApplyScope } from './kubernetes/directApplyPolicy';
export { RenderSeal } from './integrity/RenderSeal';
export type { RenderRecord } from './integrity/renderRecord';
export type { NamespaceRenderActionDeps } from './actions/namespace/renderAction';
export { createFleetClusterValidateAction } from './actions/cluster/validateAction';
export { createFleetClusterRenderAction } from './actions/cluster/renderAction';
export type { ClusterActionDeps } from './actions/cluster/validateAction';
export type { ClusterRenderActionDeps } from './actions/cluster/renderAction';
export type { CidrApi } from './actions/cluster/reserveCidrs';
export type { ClusterRequest } from './actions/cluster/request';
export { createRolloutPromoteAction } from './actions/rollout/promoteAction';
export type { RolloutPromoteDeps } from './actions/rollout/promoteAction';
export { RolloutViewClient } from './actions/rollout/RolloutViewClient';
export type { RolloutViewSource } from './actions/rollout/RolloutViewClient';
