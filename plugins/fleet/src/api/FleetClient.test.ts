import { ResponseError } from '@backstage/errors';
import {
  FLEET_BASE_URL,
  jsonResponse,
  mockFleetApis,
} from '../__testUtils__/fleetFetch';
import { FleetClient } from './FleetClient';

const baseUrl = FLEET_BASE_URL;

function setup(response: Response) {
  const { apis, fetch, getBaseUrl } = mockFleetApis(response);
  return { client: new FleetClient(apis), fetch, getBaseUrl };
}

describe('FleetClient', () => {
  it('lists clusters with repeated multi-valued filters', async () => {
    const page = { items: [], totalItems: 0, offset: 50, limit: 25 };
    const { client, fetch, getBaseUrl } = setup(jsonResponse(page));

    await expect(
      client.listClusters({
        owner: ['group:default/a', 'group:default/b'],
        status: ['retired'],
        search: 'pay',
        orderBy: 'reviewBy',
        order: 'desc',
        offset: 50,
        limit: 25,
      }),
    ).resolves.toEqual(page);

    expect(getBaseUrl).toHaveBeenCalledWith('fleet');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/lifecycle/clusters?owner=group%3Adefault%2Fa&owner=group%3Adefault%2Fb&status=retired&search=pay&orderBy=reviewBy&order=desc&offset=50&limit=25`,
    );
  });

  it('previews CIDRs with a POST of the request', async () => {
    const preview = { profileRef: 'clusterprofile:default/edge' };
    const { client, fetch } = setup(jsonResponse(preview));
    await expect(
      client.previewCidrs({
        profileRef: 'clusterprofile:default/edge',
        cluster: 'edg-ber03-store-01',
      }),
    ).resolves.toEqual(preview);
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/cidr/preview`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        profileRef: 'clusterprofile:default/edge',
        cluster: 'edg-ber03-store-01',
      }),
    });
  });

  it('throws a ResponseError when the CIDR preview fails', async () => {
    const { client } = setup(
      jsonResponse(
        {
          error: { name: 'NotFoundError', message: 'no profile' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    await expect(
      client.previewCidrs({ profileRef: 'nope' }),
    ).rejects.toBeInstanceOf(ResponseError);
  });

  it('lists clusters without a query string when there is no query', async () => {
    const { client, fetch } = setup(jsonResponse({ items: [] }));
    await client.listClusters({});
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/lifecycle/clusters`);
  });

  it('gets one cluster by namespace and name', async () => {
    const { client, fetch } = setup(jsonResponse({ name: 'prd-euw1-a-01' }));
    await expect(
      client.getCluster({ namespace: 'default', name: 'prd-euw1-a-01' }),
    ).resolves.toEqual({ name: 'prd-euw1-a-01' });
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/lifecycle/clusters/default/prd-euw1-a-01`,
    );
  });

  it('lists the retired clusters whose CIDRs are in their grace period', async () => {
    const body = {
      items: [
        {
          cluster: 'edg-ber01-store-01',
          podCidr: '172.16.0.0/22',
          serviceCidr: '172.24.0.0/24',
          goneSince: '2026-12-06T10:00:00.000Z',
          cidrsFreeAt: '2026-12-13T10:00:00.000Z',
        },
      ],
    };
    const { client, fetch } = setup(jsonResponse(body));
    await expect(client.listRetiredClusters()).resolves.toEqual(body);
    expect(fetch).toHaveBeenCalledWith(`${baseUrl}/cidr/retired`);
  });

  it('gets the schedule for a number of months', async () => {
    const { client, fetch } = setup(jsonResponse({ months: [] }));
    await client.getSchedule(12);
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/lifecycle/schedule?months=12`,
    );
  });

  it('gets the schedule of the filtered clusters', async () => {
    const { client, fetch } = setup(jsonResponse({ months: [] }));
    await client.getSchedule(12, { owner: ['group:default/a'], search: 'pay' });
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/lifecycle/schedule?months=12&owner=group%3Adefault%2Fa&search=pay`,
    );
  });

  it('exports CSV with the filters but not the paging', async () => {
    const { client, fetch } = setup(
      new Response('name\nprd-euw1-a-01\n', {
        headers: { 'Content-Type': 'text/csv' },
      }),
    );
    const blob = await client.exportCsv({
      environment: ['production'],
      orderBy: 'status',
      offset: 100,
      limit: 50,
    });
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/lifecycle/clusters/export.csv?environment=production&orderBy=status`,
    );
    await expect(blob.text()).resolves.toBe('name\nprd-euw1-a-01\n');
  });

  it.each([403, 404, 500])('throws a ResponseError on %s', async status => {
    const { client } = setup(
      jsonResponse(
        {
          error: {
            name: status === 403 ? 'NotAllowedError' : 'Error',
            message: 'nope',
          },
          response: { statusCode: status },
        },
        status,
      ),
    );
    const error = await client
      .getCluster({ namespace: 'default', name: 'x' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(status);
  });
});
