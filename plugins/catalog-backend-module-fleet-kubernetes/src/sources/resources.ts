import type { CustomResourceType } from '../client/ManagementClusterClient';

/** open-cluster-management-io/api cluster/v1/types.go; cluster-scoped. */
export const MANAGED_CLUSTER: CustomResourceType = {
  group: 'cluster.open-cluster-management.io',
  version: 'v1',
  plural: 'managedclusters',
  kind: 'ManagedCluster',
};

/** The Cluster API versions of `clusters.cluster.x-k8s.io` this module reads, preferred first. */
export const CLUSTER_API_VERSIONS = ['v1beta2', 'v1beta1'] as const;
export type ClusterApiVersion = (typeof CLUSTER_API_VERSIONS)[number];

/** kubernetes-sigs/cluster-api api/core/<version>/cluster_types.go; namespaced. */
export function clusterApiCluster(
  version: ClusterApiVersion,
): CustomResourceType {
  return {
    group: 'cluster.x-k8s.io',
    version,
    plural: 'clusters',
    kind: 'Cluster',
  };
}

/** The label that marks an Argo CD cluster secret (declarative-setup.md, "Clusters"). */
export const ARGOCD_SECRET_TYPE_LABEL = 'argocd.argoproj.io/secret-type';
export const ARGOCD_CLUSTER_SELECTOR = `${ARGOCD_SECRET_TYPE_LABEL}=cluster`;

/** `<plural>.<group>`, the name of a custom resource's CRD. */
export function crdName(resource: CustomResourceType): string {
  return `${resource.plural}.${resource.group}`;
}
