export interface Config {
  fleetPortal?: {
    /**
     * The platform repository that scaffolder requests write to
     * (@fleet-portal/plugin-fleet-node PlatformRepoWriter). When absent, the single
     * repository of `catalog.providers.fleetPlatformRepo` is used.
     */
    platformRepo?: {
      /**
       * A local path (relative to the backend's working directory), a file:// URL or an
       * https URL. Credentials for https remotes come from the `integrations` config of
       * the remote's host; never put them in this URL.
       */
      remote: string;
      /**
       * The main branch.
       * @defaultValue main
       */
      branch?: string;
      /** Browser URL of a branch, with `{branch}` where the branch name goes. */
      branchUrl?: string;
      /** Committer of the portal's commits (the author is the requesting user). */
      committer?: { name: string; email: string };
    };
  };
}
