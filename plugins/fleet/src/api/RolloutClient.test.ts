import { ResponseError } from '@backstage/errors';
import { RolloutClient } from './RolloutClient';

const baseUrl = 'http://localhost:7007/api/fleet';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const getBaseUrl = jest.fn().mockResolvedValue(baseUrl);
  const client = new RolloutClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch, getBaseUrl };
}

describe('RolloutClient', () => {
  it('lists the rollouts of the fleet backend', async () => {
    const list = { items: [], generatedAt: '2026-12-06T10:00:00Z' };
    const { client, fetch, getBaseUrl } = setup(jsonResponse(list));
    await expect(client.listRollouts()).resolves.toEqual(list);
    expect(getBaseUrl).toHaveBeenCalledWith('fleet');
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/rollouts`);
  });

  it('reads one profile, its name encoded as a path segment', async () => {
    const view = { profileName: 'prod/eu' };
    const { client, fetch } = setup(jsonResponse(view));
    await expect(client.getRollout('prod/eu')).resolves.toEqual(view);
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/rollouts/prod%2Feu`);
  });

  it('throws a ResponseError with the status when the backend refuses', async () => {
    const { client } = setup(
      jsonResponse(
        {
          error: { name: 'NotFoundError', message: 'no profile nope' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    const error = await client.getRollout('nope').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
  });
});
