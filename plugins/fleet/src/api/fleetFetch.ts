import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';

/** What every client of the fleet backend is built from. */
export type FleetFetchApis = { discoveryApi: DiscoveryApi; fetchApi: FetchApi };

/** Calls the fleet backend at `path` (segments already encoded); a response that is not ok throws a `ResponseError`. */
export async function fetchFleet(
  apis: FleetFetchApis,
  path: string,
  init?: RequestInit,
): Promise<Response> {
  const baseUrl = await apis.discoveryApi.getBaseUrl('fleet');
  const url = `${baseUrl}${path}`;
  const response = await (init
    ? apis.fetchApi.fetch(url, init)
    : apis.fetchApi.fetch(url));
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response;
}
