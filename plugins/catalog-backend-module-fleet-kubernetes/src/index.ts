/**
 * Catalog module of Fleet Portal: ingests clusters known to Kubernetes-hosted management planes (Open Cluster Management ManagedCluster, Cluster API Cluster, Argo CD cluster secrets) from a management cluster.
 *
 * @packageDocumentation
 */

export { catalogModuleFleetKubernetes as default } from './module';
export {
  FleetKubernetesEntityProvider,
  type FleetKubernetesEntityProviderOptions,
} from './FleetKubernetesEntityProvider';
export { ArgoCdSource, mapArgoCdClusterSecret } from './sources/argocd';
export { ClusterApiSource, mapClusterApiCluster } from './sources/clusterApi';
export {
  OpenClusterManagementSource,
  mapManagedCluster,
} from './sources/openClusterManagement';
export { ManagementClusterClient } from './client/ManagementClusterClient';
export type { ManagementClusterClientOptions } from './client/ManagementClusterClient';
export type { ManagementClusterConnection } from './client/kubeConfig';
