/**
 * Catalog module of Fleet Portal: ingests clusters known to Kubernetes-hosted management planes (Open Cluster Management ManagedCluster, Cluster API Cluster, Argo CD cluster secrets) from a management cluster.
 *
 * @packageDocumentation
 */

export {};
