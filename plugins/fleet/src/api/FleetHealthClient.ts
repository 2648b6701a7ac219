import type {
  ClusterHealthDetail,
  FleetHealthGrid,
  FleetHealthSnapshot,
  FleetHealthSummary,
  HealthClusterPage,
  HealthClusterQuery,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetHealthApi } from './FleetHealthApi';
import { fetchFleet, FleetFetchApis } from './fleetFetch';
import { healthSearchParams } from './healthQuery';

export class FleetHealthClient implements FleetHealthApi {
  private readonly apis: FleetFetchApis;

  constructor(options: FleetFetchApis) {
    this.apis = options;
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
    return (await fetchFleet(this.apis, path)).json();
  }
}

function queryString(query: HealthClusterQuery): string {
  const params = healthSearchParams(query).toString();
  return params ? `?${params}` : '';
}
