/** The fleet backend's base URL the mock discovery answers. */
export const FLEET_BASE_URL = 'http://localhost:7007/api/fleet';

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** Discovery and fetch APIs for a fleet backend client whose every call gets `response`. */
export function mockFleetApis(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const getBaseUrl = jest.fn().mockResolvedValue(FLEET_BASE_URL);
  return {
    apis: { discoveryApi: { getBaseUrl }, fetchApi: { fetch } },
    fetch,
    getBaseUrl,
  };
}
