export interface Config {
  fleetPortal?: {
    scaffolder?: {
      /**
       * Server-side apply the manifests of changes that land directly on the main
       * branch (non-production profiles that allow ClickOps) to their cluster, with the
       * cluster's credentials from `kubernetes.clusterLocatorMethods` (type `config`).
       * Only the namespaced baseline of the one requested namespace is applied (Namespace,
       * ResourceQuota, LimitRange, NetworkPolicy, RoleBinding, ServiceAccount), never
       * cluster-scoped objects, and only when the cluster answers that the namespace does
       * not exist yet. Off by default: the change is in Git either way.
       * @defaultValue false
       */
      applyDirectChanges?: boolean;
      /**
       * Namespace names tenants may never request on any cluster, in addition to
       * Kubernetes' own (`default`, `kube-*`) and the platform's that are always reserved
       * (ingress-nginx, istio-system, cert-manager, argocd, flux-system, gatekeeper-system,
       * kyverno, calico-system, tigera-operator, cilium, velero, monitoring, ...).
       */
      reservedNamespaces?: string[];
    };
  };
}
