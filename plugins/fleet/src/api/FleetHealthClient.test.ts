import { ResponseError } from '@backstage/errors';
import {
  FLEET_BASE_URL,
  jsonResponse as json,
  mockFleetApis,
} from '../__testUtils__/fleetFetch';
import { FleetHealthClient } from './FleetHealthClient';

const baseUrl = FLEET_BASE_URL;

function setup(response: Response) {
  const { apis, fetch, getBaseUrl } = mockFleetApis(response);
  return { client: new FleetHealthClient(apis), fetch, getBaseUrl };
}

describe('FleetHealthClient', () => {
  it('gets the fleet snapshot', async () => {
    const { client, fetch, getBaseUrl } = setup(json({ clusters: [] }));
    await expect(client.getFleetHealth()).resolves.toEqual({ clusters: [] });
    expect(getBaseUrl).toHaveBeenCalledWith('fleet');
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/health/fleet`);
  });

  it('gets one cluster by namespace and name, encoded', async () => {
    const { client, fetch } = setup(json({ cluster: 'a b' }));
    await client.getClusterHealth({ namespace: 'default', name: 'a b' });
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/health/clusters/default/a%20b`,
    );
  });

  it('asks for the summary, a page and a grid chunk with the query in the URL', async () => {
    const { client, fetch } = setup(json({}));
    fetch.mockImplementation(async () => json({}));
    await client.getSummary();
    expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/health/summary`);
    await client.listClusters({
      environment: ['production', 'edge'],
      status: ['critical'],
      search: 'pay ments',
      offset: 50,
      limit: 50,
    });
    expect(fetch).toHaveBeenLastCalledWith(
      `${baseUrl}/health/clusters?environment=production&environment=edge&status=critical&search=pay+ments&offset=50&limit=50`,
    );
    await client.getGrid({
      owner: ['group:default/team-a'],
      groupBy: 'environment',
      orderBy: 'signal',
      signal: 'cni-calico',
    });
    expect(fetch).toHaveBeenLastCalledWith(
      `${baseUrl}/health/grid?owner=group%3Adefault%2Fteam-a&groupBy=environment&orderBy=signal&signal=cni-calico`,
    );
    await client.getGrid({});
    expect(fetch).toHaveBeenLastCalledWith(`${baseUrl}/health/grid`);
  });

  it.each([403, 404, 500])('throws a ResponseError on %s', async status => {
    const { client } = setup(
      json(
        {
          error: { name: 'Error', message: 'nope' },
          response: { statusCode: status },
        },
        status,
      ),
    );
    const error = await client.getFleetHealth().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(status);
  });
});
