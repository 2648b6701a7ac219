import type {
  CidrPreview,
  CidrPreviewRequest,
  ClusterLifecycle,
  LifecyclePage,
  LifecycleQuery,
  LifecycleSchedule,
  RetiredClusterList,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetApi } from './FleetApi';
import { fetchFleet, FleetFetchApis } from './fleetFetch';
import {
  filtersOf,
  toSearchParams,
  type LifecycleFilters,
} from './lifecycleQuery';

export class FleetClient implements FleetApi {
  private readonly apis: FleetFetchApis;

  constructor(options: FleetFetchApis) {
    this.apis = options;
  }

  async listClusters(query: LifecycleQuery): Promise<LifecyclePage> {
    const response = await this.get(`/lifecycle/clusters${queryString(query)}`);
    return response.json();
  }

  async getCluster(cluster: {
    namespace: string;
    name: string;
  }): Promise<ClusterLifecycle> {
    const path = `/lifecycle/clusters/${encodeURIComponent(
      cluster.namespace,
    )}/${encodeURIComponent(cluster.name)}`;
    const response = await this.get(path);
    return response.json();
  }

  async getSchedule(
    months: number,
    filters: LifecycleFilters = {},
  ): Promise<LifecycleSchedule> {
    const params = new URLSearchParams({ months: String(months) });
    toSearchParams(filtersOf(filters)).forEach((value, key) =>
      params.append(key, value),
    );
    const response = await this.get(`/lifecycle/schedule?${params}`);
    return response.json();
  }

  async exportCsv(query: LifecycleQuery): Promise<Blob> {
    const { offset, limit, ...filters } = query;
    const response = await this.get(
      `/lifecycle/clusters/export.csv${queryString(filters)}`,
    );
    return response.blob();
  }

  async previewCidrs(request: CidrPreviewRequest): Promise<CidrPreview> {
    const response = await fetchFleet(this.apis, '/cidr/preview', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return response.json();
  }

  async listRetiredClusters(): Promise<RetiredClusterList> {
    return (await this.get('/cidr/retired')).json();
  }

  private async get(path: string): Promise<Response> {
    return fetchFleet(this.apis, path);
  }
}

function queryString(query: LifecycleQuery): string {
  const params = toSearchParams(query).toString();
  return params ? `?${params}` : '';
}
