import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  ClusterHealthDetail,
  FleetHealthGrid,
  FleetHealthSnapshot,
  FleetHealthSummary,
  HealthClusterPage,
  HealthClusterQuery,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetHealthApi } from './FleetHealthApi';
import { healthSearchParams } from './healthQuery';

export class FleetHealthClient implements FleetHealthApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getSummary(): Promise<FleetHealthSummary> {
    return this.getJson('/health/summary');
  }

  async listClusters(query: HealthClusterQuery): Promise<HealthClusterPage> {
    return this.getJson(`/health/clusters${queryString(query)}`);
  }

  async getGrid(query: HealthClusterQuery): Promise<FleetHealthGrid> {
    return this.getJson(`/health/grid${queryString(query)}`);
  }

  async getFleetHealth(): Promise<FleetHealthSnapshot> {
    return this.getJson('/health/fleet');
  }

  async getClusterHealth(cluster: {
    namespace: string;
    name: string;
  }): Promise<ClusterHealthDetail> {
    return this.getJson(
      `/health/clusters/${encodeURIComponent(
        cluster.namespace,
      )}/${encodeURIComponent(cluster.name)}`,
    );
  }

  private async getJson<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('fleet');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}

function queryString(query: HealthClusterQuery): string {
  const params = healthSearchParams(query).toString();
  return params ? `?${params}` : '';
}
