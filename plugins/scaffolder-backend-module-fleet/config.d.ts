export interface Config {
  fleetPortal?: {
    scaffolder?: {
      /**
       * Server-side apply the manifests of changes that land directly on the main
       * branch (non-production profiles that allow ClickOps) to their cluster, with the
       * cluster's credentials from `kubernetes.clusterLocatorMethods` (type `config`).
       * Off by default: the change is in Git either way.
       * @defaultValue false
       */
      applyDirectChanges?: boolean;
    };
  };
}
