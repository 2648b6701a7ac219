import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  fleet?: {
    lifecycle?: {
      /**
       * How long (seconds) one user's view of the clusters and profiles, read from the catalog with
       * their credentials, is reused by the lifecycle API, so that a page, its chart and the next
       * filter do not each re-read the whole fleet. Kept in the cache service (shared by replicas
       * when it is Redis). 0 reads the catalog on every request. Default 30.
       */
      catalogSnapshotSeconds?: number;
      /**
       * Notifications to a cluster's owner ahead of its review-by and retire-by dates and once
       * they have passed: review-by in 30 and 7 days and overdue; retire-by in 90, 30 and 7 days
       * and past. Each is sent once, whatever the number of replicas or restarts.
       */
      notifications?: {
        /**
         * Whether the notification task runs. Default true.
         */
        enabled?: boolean;
        /**
         * How often the task runs. Default: every hour, with a 15 minute timeout.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
