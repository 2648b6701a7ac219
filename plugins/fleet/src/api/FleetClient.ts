import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
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
import {
  filtersOf,
  toSearchParams,
  type LifecycleFilters,
} from './lifecycleQuery';

export class FleetClient implements FleetApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
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
    const baseUrl = await this.discoveryApi.getBaseUrl('fleet');
    const response = await this.fetchApi.fetch(`${baseUrl}/cidr/preview`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  async listRetiredClusters(): Promise<RetiredClusterList> {
    return (await this.get('/cidr/retired')).json();
  }

  private async get(path: string): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('fleet');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function queryString(query: LifecycleQuery): string {
  const params = toSearchParams(query).toString();
  return params ? `?${params}` : '';
}
