import type {
  ManagementPlaneSource,
  ObservedCluster,
} from '@fleet-portal/plugin-fleet-node';
import { connectionStatus } from './connectionStatus';
import { applyMappingRules, MappingRule } from './mappingRules';
import type { PortainerInventory } from './PortainerClient';
import type { PortainerEndpoint } from './portainerApi';

const AGENTS: Record<number, string> = {
  5: 'portainer-local',
  6: 'portainer-agent',
  7: 'portainer-edge-agent',
};

/** The link into Portainer's UI for an environment: its Kubernetes dashboard. */
export function portainerEnvironmentUrl(baseUrl: string, id: number): string {
  return `${baseUrl}/#!/${id}/kubernetes/dashboard`;
}

/** One Portainer environment as an ObservedCluster. */
export function toObservedCluster(
  endpoint: PortainerEndpoint,
  context: {
    baseUrl: string;
    groupNames: Map<number, string>;
    groupTagIds: Map<number, number[]>;
    tagNames: Map<number, string>;
    mapping: MappingRule[];
    edgeCheckinMaxAgeSeconds?: number;
    nowSeconds: number;
  },
): ObservedCluster {
  const group =
    endpoint.GroupId !== undefined
      ? context.groupNames.get(endpoint.GroupId)
      : undefined;
  const tagIds = [
    ...(endpoint.TagIds ?? []),
    ...(endpoint.GroupId !== undefined
      ? context.groupTagIds.get(endpoint.GroupId) ?? []
      : []),
  ];
  const tags = tagIds.flatMap(id => {
    const name = context.tagNames.get(id);
    return name === undefined ? [] : [name];
  });
  const mapped = applyMappingRules(context.mapping, { tags, group });
  const { status, statusMessage, lastSeen } = connectionStatus(endpoint, {
    maxAgeSeconds: context.edgeCheckinMaxAgeSeconds,
    nowSeconds: context.nowSeconds,
  });
  const latest = [...(endpoint.Kubernetes?.Snapshots ?? [])]
    .filter(snapshot => snapshot.KubernetesVersion)
    .sort((a, b) => (b.Time ?? 0) - (a.Time ?? 0))[0];

  const cluster: ObservedCluster = {
    name: endpoint.Name,
    externalId: String(endpoint.Id),
    url: portainerEnvironmentUrl(context.baseUrl, endpoint.Id),
    agent: AGENTS[endpoint.Type] ?? `portainer-type-${endpoint.Type}`,
    status,
    statusMessage,
  };
  if (endpoint.Agent?.Version) cluster.agentVersion = endpoint.Agent.Version;
  if (latest?.KubernetesVersion)
    cluster.kubernetesVersion = latest.KubernetesVersion;
  if (lastSeen) cluster.lastSeen = new Date(lastSeen * 1000).toISOString();
  if (mapped.environment) cluster.environment = mapped.environment;
  if (mapped.region) cluster.region = mapped.region;
  if (mapped.owner) cluster.owner = mapped.owner;
  return cluster;
}

/** Maps a whole Portainer answer. */
export function toObservedClusters(
  inventory: PortainerInventory,
  options: {
    baseUrl: string;
    mapping: MappingRule[];
    edgeCheckinMaxAgeSeconds?: number;
    nowSeconds: number;
  },
): ObservedCluster[] {
  const context = {
    ...options,
    groupNames: new Map(inventory.groups.map(g => [g.Id, g.Name])),
    groupTagIds: new Map(inventory.groups.map(g => [g.Id, g.TagIds ?? []])),
    tagNames: new Map(inventory.tags.map(t => [t.ID, t.Name])),
  };
  return inventory.endpoints.map(endpoint =>
    toObservedCluster(endpoint, context),
  );
}

export type PortainerSourceOptions = {
  client: { readInventory(signal?: AbortSignal): Promise<PortainerInventory> };
  /** Portainer's UI base URL, for links. */
  baseUrl: string;
  mapping: MappingRule[];
  edgeCheckinMaxAgeSeconds?: number;
  /** Milliseconds since the epoch; the local clock by default. */
  now?: () => number;
};

/** A Portainer instance as a management-plane source. */
export class PortainerSource implements ManagementPlaneSource {
  readonly type = 'portainer';
  readonly id: string;
  readonly #options: PortainerSourceOptions;

  constructor(id: string, options: PortainerSourceOptions) {
    this.id = id;
    this.#options = options;
  }

  async listClusters(signal?: AbortSignal): Promise<ObservedCluster[]> {
    const inventory = await this.#options.client.readInventory(signal);
    return toObservedClusters(inventory, {
      baseUrl: this.#options.baseUrl,
      mapping: this.#options.mapping,
      edgeCheckinMaxAgeSeconds: this.#options.edgeCheckinMaxAgeSeconds,
      nowSeconds: (this.#options.now ?? Date.now)() / 1000,
    });
  }
}
