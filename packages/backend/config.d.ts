export interface Config {
  /** Settings of the demo app's own backend modules (not of the Fleet Portal plugins). */
  fleetPortal?: {
    /** The demo permission policy (packages/backend/src/modules/permissionPolicy). */
    permissions?: {
      /** Entity refs (usually groups) whose members are platform owners. Default: group:default/platform-team. */
      platformOwners?: string[];
      /** Entity refs of the application teams whose members may request tenant namespaces. */
      namespaceRequesters?: string[];
    };
  };
}
