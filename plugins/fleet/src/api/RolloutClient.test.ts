import { ResponseError } from '@backstage/errors';
import {
  FLEET_BASE_URL,
  jsonResponse,
  mockFleetApis,
} from '../__testUtils__/fleetFetch';
import { RolloutClient } from './RolloutClient';

const baseUrl = FLEET_BASE_URL;

function setup(response: Response) {
  const { apis, fetch, getBaseUrl } = mockFleetApis(response);
  return { client: new RolloutClient(apis), fetch, getBaseUrl };
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
