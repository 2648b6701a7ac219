import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  fleet?: {
    lifecycle?: {
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
