import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

/** An ISO 8601 duration (`PT30S`) or an object such as `{ seconds: 30 }`. */
type Duration =
  | string
  | {
      milliseconds?: number;
      seconds?: number;
      minutes?: number;
      hours?: number;
    };

/** Which labels of a source's objects carry the catalog fields of clusters only that source knows. */
interface FleetKubernetesLabelMapping {
  /** Label with the environment (production, staging, development, test, edge). @defaultValue environment */
  environment?: string;
  /** Label with the region. @defaultValue region */
  region?: string;
  /** Label with the owner, an entity reference (default kind group), e.g. `team-payments`. Unset: the default owner. */
  owner?: string;
}

/** Options every kind of source has. */
interface FleetKubernetesSourceOptions {
  /** Overrides the provider's label mapping for this source. */
  labels?: FleetKubernetesLabelMapping;
  /**
   * Link into the source's UI for each cluster, with `{name}`, `{namespace}`, `{uid}`,
   * `{server}` (Argo CD) and `{version}` (Cluster API) placeholders, each URL-encoded,
   * e.g. `https://argocd.example.com/settings/clusters/{server}`. By default Open
   * Cluster Management and Cluster API link to the object on the management cluster's
   * API, Argo CD links nowhere.
   */
  linkTemplate?: string;
}

/** One management cluster and the management planes to read from it. */
interface FleetKubernetesProviderConfig {
  /** How to reach the management cluster's API server. */
  cluster: {
    /**
     * The API server URL, e.g. https://hub.k8s.example:6443. Must be https: a plain
     * http URL is refused at startup unless `allowInsecureHttp` is true.
     */
    url: string;
    /** Base64 PEM bundle of the API server's CA (a kubeconfig's certificate-authority-data). */
    caData?: string;
    /**
     * Do not verify the API server's certificate. Only for test clusters.
     * @defaultValue false
     */
    skipTLSVerify?: boolean;
    /**
     * Accept a plain `http://` url, sending the token unencrypted. Only for test
     * servers on a trusted network (e.g. `kubectl proxy` on the loopback).
     * @defaultValue false
     */
    allowInsecureHttp?: boolean;
    /**
     * Bearer token of a service account allowed to list the enabled sources'
     * resources (managedclusters, clusters.cluster.x-k8s.io, secrets in Argo CD's namespace).
     * @visibility secret
     */
    token: string;
  };
  /** Owner of the clusters only this management cluster knows, e.g. group:default/platform-team. */
  defaultOwner: string;
  /**
   * Which sources to read: `true`, or an object of options, enables one.
   */
  sources: {
    /** Open Cluster Management ManagedClusters (cluster.open-cluster-management.io/v1). */
    openClusterManagement?: boolean | FleetKubernetesSourceOptions;
    /** Cluster API Clusters (cluster.x-k8s.io v1beta2, or v1beta1 where v1beta2 is not served). */
    clusterApi?:
      | boolean
      | (FleetKubernetesSourceOptions & {
          /** Namespaces to read Clusters from. @defaultValue all namespaces */
          namespaces?: string[];
        });
    /** Argo CD cluster secrets (label argocd.argoproj.io/secret-type=cluster). */
    argocd?:
      | boolean
      | (FleetKubernetesSourceOptions & {
          /** Argo CD's namespace. @defaultValue argocd */
          namespace?: string;
          /**
           * Argo CD's API server, to read each cluster's connection state
           * (GET /api/v1/clusters). Without it Argo CD clusters have status unknown.
           */
          api?: {
            /**
             * Argo CD's base URL, e.g. https://argocd.example.com. Must be https unless
             * `allowInsecureHttp` is true.
             */
            url: string;
            /**
             * An Argo CD API token allowed to get clusters (e.g. a read-only account's token).
             * @visibility secret
             */
            token: string;
            /** Base64 PEM bundle of the CA of Argo CD's certificate. */
            caData?: string;
            /** Do not verify Argo CD's certificate. @defaultValue false */
            skipTLSVerify?: boolean;
            /**
             * Accept a plain `http://` url, sending the token unencrypted (test servers only).
             * @defaultValue false
             */
            allowInsecureHttp?: boolean;
            /**
             * Most bytes of Argo CD's cluster list, which comes in one unpaged answer. A
             * larger answer is stopped at the limit and fails the source.
             * @defaultValue 67108864 (64 MiB)
             */
            maxResponseBytes?: number;
          };
        });
  };
  /** Label mapping of every source of this management cluster. */
  labels?: FleetKubernetesLabelMapping;
  /**
   * How often to read each source.
   * @defaultValue frequency every 5 minutes, timeout 3 minutes
   */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  /**
   * Objects per list request (`limit`); the rest is read with `continue`.
   * @defaultValue 500
   */
  pageSize?: number;
  /**
   * Most pages one list may take. A list that would need more — or whose API server
   * hands out a continue token it already gave — fails the source and changes nothing.
   * @defaultValue 1000 (500,000 objects at the default pageSize)
   */
  maxPages?: number;
  /**
   * Most bytes of one list page. A larger page is stopped at the limit (or refused on
   * its Content-Length) and fails the source.
   * @defaultValue 16777216 (16 MiB)
   */
  maxResponseBytes?: number;
  /**
   * How long one request may take.
   * @defaultValue 30 seconds
   */
  timeout?: Duration;
}

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Management clusters by id (@fleet-portal/plugin-catalog-backend-module-fleet-kubernetes);
       * the id names the source in entities, links and logs.
       */
      fleetKubernetes?: {
        [id: string]: FleetKubernetesProviderConfig;
      };
    };
  };
}
