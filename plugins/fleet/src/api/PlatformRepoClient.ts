import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PLATFORM_REPO_STATUS_PATH,
  PlatformRepoStatusList,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoApi } from './PlatformRepoApi';

export class PlatformRepoClient implements PlatformRepoApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getStatus(): Promise<PlatformRepoStatusList> {
    // The route belongs to the fleet catalog module, so it lives under the catalog plugin.
    const baseUrl = await this.discoveryApi.getBaseUrl('catalog');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${PLATFORM_REPO_STATUS_PATH}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }
}
