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
    /**
     * CIDR allocation for clusters being requested: pod and service blocks from the profile's pools,
     * clear of every catalog cluster, every pending reservation and the ranges reserved here.
     */
    cidr?: {
      /**
       * Enterprise ranges no cluster's pod or service CIDR may overlap, e.g. node subnets, VPNs,
       * corporate networks. The description is what an overlap error names.
       */
      reservedRanges?: Array<{
        /** A CIDR, e.g. 10.0.0.0/16 or fd00:1::/48. */
        cidr: string;
        description?: string;
      }>;
      /**
       * Minutes a pending reservation lives before it is released, unless its cluster appears in the
       * catalog with the reserved CIDRs first (which confirms it). Default 1440 (24 hours).
       */
      reservationTtlMinutes?: number;
      /**
       * Seconds the catalog's clusters are reused between allocations. Reservations themselves are
       * always read from the database inside the allocating transaction. Default 10.
       */
      catalogSnapshotSeconds?: number;
      /**
       * How often expired reservations are released and reservations of clusters that reached the
       * catalog are confirmed. Default every 5 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
