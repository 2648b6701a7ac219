import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** One platform repository to ingest. */
interface FleetPlatformRepoProviderConfig {
  /**
   * The Git remote of the platform repository: a local path (relative paths are
   * resolved against the backend's working directory), a file:// URL, or an https
   * URL. Credentials for https remotes come from the `integrations` config of the
   * remote's host (GitHub token or app, GitLab, Bitbucket, Gitea); never put them in
   * this URL.
   */
  remote: string;
  /**
   * The branch to read.
   * @defaultValue main
   */
  branch?: string;
  /**
   * How often to read the repository.
   * @defaultValue frequency every 2 minutes, timeout 3 minutes
   */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  /**
   * Directory of the provider's bare mirror of the remote, kept between runs so that
   * each run is an incremental fetch.
   * @defaultValue <os temp dir>/fleet-platform-repo/<provider id>
   */
  workDir?: string;
  /**
   * The largest entity file to read, in bytes. Larger files are skipped with their
   * size as the reason (shown on the platform-repository page), without their content
   * ever being read.
   * @defaultValue 1048576 (1 MiB)
   */
  maxFileBytes?: number;
}

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Fleet Portal platform repositories (@fleet-portal/plugin-catalog-backend-module-fleet):
       * one provider, or a map of provider id to provider.
       */
      fleetPlatformRepo?:
        | FleetPlatformRepoProviderConfig
        | { [providerId: string]: FleetPlatformRepoProviderConfig };
    };
  };
}
