// What a management plane (Portainer, Open Cluster Management, Cluster API, Argo CD) reports about one
// cluster, normalised so that one merge rule serves every source.

/** Connection state as the management plane reports it; `unknown` when it reports none. */
export type ObservedClusterStatus =
  | 'connected'
  | 'disconnected'
  | 'provisioning'
  | 'failed'
  | 'unknown';

/** One cluster as a management plane knows it. */
export type ObservedCluster = {
  /** The cluster's name in the management plane, matched against catalog cluster names. */
  name: string;
  /** The management plane's own id (Portainer endpoint id, ManagedCluster/Cluster uid, secret name...). */
  externalId: string;
  /** A link into the management plane's UI or API for this cluster. */
  url?: string;
  /** The agent or mechanism connecting it, e.g. `portainer-edge-agent`, `klusterlet`, `cluster-api`. */
  agent?: string;
  /** The agent's version, when the source reports it. */
  agentVersion?: string;
  status: ObservedClusterStatus;
  /** Why, in the source's words (condition message, check-in age). */
  statusMessage?: string;
  /** Kubernetes version the source reports. */
  kubernetesVersion?: string;
  /** ISO instant of the last agent check-in or status update. */
  lastSeen?: string;
  apiServerUrl?: string;
  /** Mapped by the source's rules (groups, tags, labels); used only for clusters the platform repo lacks. */
  environment?: string;
  region?: string;
  owner?: string;
};

/** A management plane the catalog reads clusters from. */
export interface ManagementPlaneSource {
  /** Kind of source: `portainer`, `open-cluster-management`, `cluster-api`, `argocd`. */
  readonly type: string;
  /** The config key of this source instance, e.g. `catalog.providers.fleetPortainer.<id>`. */
  readonly id: string;
  /** Every cluster the source knows; throws on any failure (down, 401, timeout, malformed answer). */
  listClusters(signal?: AbortSignal): Promise<ObservedCluster[]>;
}
