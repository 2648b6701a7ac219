export interface Config {
  auth?: {
    providers?: {
      /**
       * The demo persona sign-in (src/modules/demoPersonas). Development only: the backend registers
       * it only when NODE_ENV is development and auth.environment is development
       * (src/modules/demoSignIn), whatever else the config says.
       */
      demoPersona?: {
        /** User entity names (namespace default) that the demo sign-in page may sign in as. */
        users: string[];
      };
    };
  };
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
