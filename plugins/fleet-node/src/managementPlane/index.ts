export * from './types';
export {
  ANNOTATION_MANAGEMENT_PLANE,
  factAnnotations,
  managementPlaneAnnotation,
} from './annotations';
export {
  attachFacts,
  managementPlaneLink,
  MANAGEMENT_PLANE_LINK_TYPE,
  sourceTitle,
} from './attachFacts';
export {
  ManagementPlaneEntityProvider,
  type ManagementPlaneEntityProviderOptions,
  type ManagementPlaneRefreshResult,
} from './ManagementPlaneEntityProvider';
export { ManagementPlaneFactsProcessor } from './ManagementPlaneFactsProcessor';
export {
  ManagementPlaneFactsStore,
  type ClusterFactsByKey,
  type StoredClusterFacts,
} from './ManagementPlaneFactsStore';
export {
  clusterKey,
  factsRefreshKey,
  sourceKey,
  ungovernedNamespace,
} from './naming';
export {
  planClusters,
  type CatalogCluster,
  type ClusterPlan,
} from './planClusters';
export {
  managementPlaneLocation,
  MANAGEMENT_PLANE_LOCATION_TYPE,
  ungovernedClusterEntity,
  type UngovernedClusterEntity,
} from './ungovernedClusterEntity';
export { readOwnerRef, readPositiveDurationMs } from './readSourceConfig';
