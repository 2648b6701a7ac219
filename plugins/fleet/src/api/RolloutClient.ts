import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  RolloutList,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import type { RolloutApi } from './RolloutApi';

export class RolloutClient implements RolloutApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listRollouts(): Promise<RolloutList> {
    return this.getJson('/rollouts');
  }

  async getRollout(profileName: string): Promise<RolloutView> {
    return this.getJson(`/rollouts/${encodeURIComponent(profileName)}`);
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
