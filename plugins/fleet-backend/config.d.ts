import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  fleet?: {
    /**
     * Fleet health from the central metrics store the clusters remote-write to. Without `sources`
     * the health endpoints answer 503.
     */
    health?: {
      /**
       * The metrics sources: any Prometheus HTTP API. An array, so that the order is kept: the
       * first source is the default of signals, the label contract and the version query.
       */
      sources?: Array<{
        /** Unique name; signals name it in `source`. Letters, digits, `.`, `_`, `-`. */
        name: string;
        type: 'prometheus' | 'thanos' | 'mimir' | 'victoriametrics';
        /**
         * Base URL of the HTTP API, without `/api/v1`. For Mimir include its prefix, e.g.
         * `http://mimir:8080/prometheus`.
         */
        url: string;
        /** Mimir tenant, sent as `X-Scope-OrgID`. Required for `mimir`. */
        tenant?: string;
        /** Thanos Querier `partial_response`. Default false: a store that fails fails the query. */
        partialResponse?: boolean;
        /** Thanos Querier `dedup`. Default true. */
        dedup?: boolean;
        /** Either a bearer token or a username and password (basic auth). */
        auth?: {
          /** @visibility secret */
          token?: string;
          username?: string;
          /** @visibility secret */
          password?: string;
        };
        /** TLS of an https URL; PEM values inline or paths to PEM files. */
        tls?: {
          ca?: string;
          /** Client certificate (mutual TLS); goes with `key`. */
          cert?: string;
          /** @visibility secret */
          key?: string;
          /** Accepts any server certificate. For tests only. */
          insecureSkipVerify?: boolean;
        };
        /** Per request. Default 10. */
        timeoutSeconds?: number;
        /** The label that names the cluster on every series. Default `cluster`. */
        clusterLabel?: string;
      }>;
      /**
       * Overrides of the default signals by id (see the README), and signals of your own (those need
       * `query` and a threshold). A query may use `$cluster` (the source's cluster label) and
       * `$filter` (a matcher put in every selector, so that the cluster tab's history touches one
       * cluster's series only); it must give one series per cluster.
       */
      signals?: {
        [id: string]: {
          /** Default true. */
          enabled?: boolean;
          query?: string;
          warning?: number;
          critical?: number;
          /** `above`: larger values are worse; `below`: smaller ones are. */
          direction?: 'above' | 'below';
          /** Name of the source to send the query to. Default: the first source. */
          source?: string;
          title?: string;
          /**
           * Display unit: `ratio` (shown as %), `percent`, `seconds`, `minutes`, `hours`, `days`,
           * a count (`count`, or a plural noun such as `nodes`, `restarts`: whole numbers), or
           * anything else shown after the value (e.g. `req/s`).
           */
          unit?: string;
          /**
           * Names of the profile components the signal measures (e.g. `[calico]`): a cluster whose
           * profile has none of them gets "not applicable" instead of a verdict. `[]` applies the
           * signal to every cluster. Defaults: see the README's signal table.
           */
          appliesTo?: string[];
          /**
           * The role of those components (e.g. `cni`): a cluster without a known profile that
           * reports another signal of the same role is "not applicable" for this one.
           */
          role?: string;
        };
      };
      /**
       * How long (seconds) a fleet snapshot (one round of queries) is reused, in the cache service.
       * Concurrent requests share the round under way. 0 queries on every request. Default 30.
       */
      cacheSeconds?: number;
      /**
       * A cluster whose newest `up` sample is older than this (seconds) has stale data: every
       * verdict is unknown. Default 600.
       */
      maxSampleAgeSeconds?: number;
      /** History of the cluster tab. */
      history?: {
        /** Window, e.g. `6h`, `30m`, `2d`. Default `6h`. */
        range?: string;
        /** Most points per signal; sets the step. Default 120. */
        maxPoints?: number;
      };
      /** Share of series carrying the required labels, per cluster. */
      labelContract?: {
        /** Default true. */
        enabled?: boolean;
        /** Default `cluster`, `environment`, `site`, `platform_version`. */
        requiredLabels?: string[];
        /** Default: the first source. */
        source?: string;
        /**
         * Count only this metric's series, e.g. `up` (one per scrape target: cheap at any fleet
         * size). Default: every series with the cluster label — the faithful share, one scan of the
         * whole store per snapshot (see bench/README.md for its cost at 10,000 clusters).
         */
        metric?: string;
      };
      /** Observed Kubernetes versions (`kubernetes_build_info`) against the profile's pin. */
      versions?: {
        /** Default true. */
        enabled?: boolean;
        /** Default: the first source. */
        source?: string;
      };
    };
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
       * Days a retired cluster's CIDRs stay reserved after the sweep first misses the cluster in the
       * catalog (its folder was removed from the platform repository), so that a cluster still being
       * de-provisioned never shares addresses with a new one. Default 7. A reservation made for a
       * proposal branch is held while the branch exists, whatever reservationTtlMinutes says.
       */
      retiredGracePeriodDays?: number;
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
