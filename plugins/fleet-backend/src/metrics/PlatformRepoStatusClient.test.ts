import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { statusList } from './__fixtures__/platformRepos';
import { PlatformRepoStatusClient } from './PlatformRepoStatusClient';

/** A stand-in for the catalog on 127.0.0.1, answering the status route as told. */
async function fakeCatalog(
  answer: (res: http.ServerResponse) => void,
): Promise<{
  baseUrl: string;
  requests: http.IncomingMessage[];
  close(): void;
}> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    if (req.url !== '/api/catalog/fleet/platform-repositories') {
      res.writeHead(404).end();
      return;
    }
    answer(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/catalog`,
    requests,
    close: () => server.close(),
  };
}

const json =
  (body: unknown, status = 200) =>
  (res: http.ServerResponse) =>
    res
      .writeHead(status, { 'Content-Type': 'application/json' })
      .end(JSON.stringify(body));

describe('PlatformRepoStatusClient', () => {
  let catalog: Awaited<ReturnType<typeof fakeCatalog>> | undefined;
  afterEach(() => catalog?.close());

  const clientFor = (baseUrl: string, timeoutMs?: number) =>
    new PlatformRepoStatusClient({
      discovery: {
        getBaseUrl: async (pluginId: string) => {
          expect(pluginId).toBe('catalog');
          return baseUrl;
        },
        getExternalBaseUrl: async () => baseUrl,
      },
      auth: mockServices.auth({ pluginId: 'fleet' }),
      timeoutMs,
    });

  it('reads the state as the fleet plugin, with a token for the catalog', async () => {
    catalog = await fakeCatalog(json(statusList));
    await expect(clientFor(catalog.baseUrl).list()).resolves.toEqual(
      statusList.items,
    );
    const [request] = catalog.requests;
    expect(request.method).toBe('GET');
    expect(request.headers.authorization).toBe(
      `Bearer ${mockCredentials.service.token({
        onBehalfOf: mockCredentials.service('plugin:fleet'),
        targetPluginId: 'catalog',
      })}`,
    );
  });

  it('answers undefined when the catalog has no fleet module', async () => {
    catalog = await fakeCatalog(res => res.writeHead(404).end());
    await expect(clientFor(catalog.baseUrl).list()).resolves.toBeUndefined();
  });

  it('rejects when the catalog refuses, fails or answers something else', async () => {
    catalog = await fakeCatalog(
      json(
        {
          error: { name: 'NotAllowedError', message: 'no' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const refused = await clientFor(catalog.baseUrl)
      .list()
      .catch(e => e);
    expect(refused).toBeInstanceOf(ResponseError);
    expect(refused.statusCode).toBe(403);
    catalog.close();

    catalog = await fakeCatalog(json({ items: [{ id: 'demo' }] }));
    await expect(clientFor(catalog.baseUrl).list()).rejects.toThrow(
      /^The catalog answered \/fleet\/platform-repositories with an unexpected shape: items\.0\.remote: /,
    );
  });

  it('gives up after its timeout', async () => {
    catalog = await fakeCatalog(() => {
      // never answers
    });
    await expect(clientFor(catalog.baseUrl, 200).list()).rejects.toThrow(
      /timeout|aborted/i,
    );
  });
});
