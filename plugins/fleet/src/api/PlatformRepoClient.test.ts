import { ResponseError } from '@backstage/errors';
import { PlatformRepoClient } from './PlatformRepoClient';

const baseUrl = 'http://localhost:7007/api/catalog';

function setup(response: Response) {
  const fetch = jest.fn().mockResolvedValue(response);
  const getBaseUrl = jest.fn().mockResolvedValue(baseUrl);
  const client = new PlatformRepoClient({
    discoveryApi: { getBaseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch, getBaseUrl };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('PlatformRepoClient', () => {
  it("gets the state from the catalog plugin's fleet route", async () => {
    const { client, fetch, getBaseUrl } = setup(json({ items: [] }));
    await expect(client.getStatus()).resolves.toEqual({ items: [] });
    expect(getBaseUrl).toHaveBeenCalledWith('catalog');
    expect(fetch).toHaveBeenCalledWith(
      `${baseUrl}/fleet/platform-repositories`,
    );
  });

  it.each([403, 500])('throws a ResponseError on %s', async status => {
    const { client } = setup(
      json(
        {
          error: { name: 'Error', message: 'nope' },
          response: { statusCode: status },
        },
        status,
      ),
    );
    const error = await client.getStatus().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(status);
  });
});
