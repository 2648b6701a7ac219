import {
  fakeEdgeEnvironment,
  fakeEnvironment,
  FakePortainer,
  PortainerFailure,
  startFakePortainer,
} from './__testUtils__/fakePortainer';
import { PortainerClient } from './PortainerClient';

const API_KEY = 'ptr_test_key';

describe('PortainerClient against a Portainer fake', () => {
  let portainer: FakePortainer;

  beforeEach(async () => {
    portainer = await startFakePortainer({
      apiKey: API_KEY,
      data: {
        endpoints: [
          ...Array.from({ length: 23 }, (_, i) =>
            fakeEnvironment(i + 1, `cluster-${String(i + 1).padStart(2, '0')}`),
          ),
          fakeEdgeEnvironment(30, 'edge-1', {
            nowSeconds: 1732000000,
            ageSeconds: 3,
          }),
          fakeEnvironment(40, 'docker-host', { Type: 1 }),
        ],
        groups: [
          { Id: 1, Name: 'Unassigned', TagIds: [] },
          { Id: 2, Name: 'shops', TagIds: [1] },
        ],
        tags: [{ ID: 1, Name: 'env:prod' }],
      },
    });
  });
  afterEach(() => portainer.close());

  const client = (
    options: Partial<{
      apiKey: string;
      timeoutMs: number;
      maxPages: number;
      maxResponseBytes: number;
    }> = {},
  ) =>
    new PortainerClient({
      baseUrl: portainer.baseUrl,
      apiKey: options.apiKey ?? API_KEY,
      pageSize: 10,
      timeoutMs: options.timeoutMs ?? 2000,
      maxPages: options.maxPages,
      maxResponseBytes: options.maxResponseBytes,
    });
  const endpointRequests = () =>
    portainer.requests.filter(r => r.startsWith('GET /api/endpoints'));

  it('reads every Kubernetes environment page by page, with groups and tags', async () => {
    const inventory = await client().readInventory();
    expect(inventory.endpoints.map(e => e.Id).sort((a, b) => a - b)).toEqual([
      ...Array.from({ length: 23 }, (_, i) => i + 1),
      30,
    ]);
    expect(inventory.groups.map(g => g.Name)).toEqual(['Unassigned', 'shops']);
    expect(inventory.tags).toEqual([{ ID: 1, Name: 'env:prod' }]);
    const pages = portainer.requests.filter(r =>
      r.startsWith('GET /api/endpoints'),
    );
    expect(pages).toHaveLength(3);
    expect(decodeURIComponent(pages[2])).toContain(
      'start=20&limit=10&sort=Name&order=asc&types[]=5&types[]=6&types[]=7',
    );
  });

  it.each<[PortainerFailure, RegExp]>([
    [
      'unauthorized',
      /GET \/api\/endpoints: 401 Unauthorized \(check the apiKey\)/,
    ],
    ['unavailable', /GET \/api\/endpoints: 503 Service Unavailable/],
    [
      'reset',
      /GET \/api\/endpoints: (ECONNRESET|UND_ERR_SOCKET|other side closed)/,
    ],
    ['timeout', /GET \/api\/endpoints: no answer within 0.5 s/],
    ['malformed', /GET \/api\/endpoints: the answer is not JSON/],
    [
      'wrong-shape',
      /\/api\/endpoints: the answer is an object, expected an array/,
    ],
  ])('rejects on %s, even on a later page', async (failure, message) => {
    portainer.fail(failure, { path: '/api/endpoints', fromStart: 10 });
    await expect(client({ timeoutMs: 500 }).readInventory()).rejects.toThrow(
      message,
    );
  });

  it('rejects a wrong key without echoing it', async () => {
    const error = await client({ apiKey: 'wrong-key' })
      .readInventory()
      .catch(e => e as Error);
    expect(String(error)).toMatch(/401/);
    expect(String(error)).not.toContain('wrong-key');
  });

  it('names the first field that is not the documented shape', async () => {
    portainer.data.endpoints[3] = {
      ...portainer.data.endpoints[3],
      Id: '4' as any,
    };
    await expect(client().readInventory()).rejects.toThrow(
      '/api/endpoints[3].Id is a string, expected a number',
    );
    portainer.data.endpoints[3] = fakeEnvironment(4, 'cluster-04');
    portainer.data.tags = [{ Id: 1, Name: 'env:prod' } as any];
    await expect(client().readInventory()).rejects.toThrow(
      '/api/tags[0].ID is missing, expected a number',
    );
  });

  describe('does not trust Portainer to end its answers', () => {
    it('refuses an X-Total-Count beyond maxPages after the first page', async () => {
      portainer.fail('huge-total-count');
      await expect(client().readInventory()).rejects.toThrow(
        'GET /api/endpoints: the source announces 1000000000 items, 100000000 pages of 10, more than the limit of 1000 pages (maxPages); nothing was read past the first page',
      );
      expect(endpointRequests()).toHaveLength(1);
    });

    it('stops pages that never run out at maxPages', async () => {
      portainer.fail('endless-pages');
      await expect(client({ maxPages: 5 }).readInventory()).rejects.toThrow(
        'GET /api/endpoints: still more after 5 pages, the limit (maxPages); the read was stopped',
      );
      expect(endpointRequests()).toHaveLength(5);
    });

    it('stops when a page repeats an earlier one (start ignored)', async () => {
      portainer.fail('ignores-start');
      await expect(client().readInventory()).rejects.toThrow(
        'GET /api/endpoints: page 2 gave a set of environments the source already gave before, so its paging does not advance and would never end',
      );
      expect(endpointRequests()).toHaveLength(2);
    });

    it('reads the true total when it is within maxPages', async () => {
      // 24 Kubernetes environments in pages of 10: three pages, the bound exactly.
      const inventory = await client({ maxPages: 3 }).readInventory();
      expect(inventory.endpoints).toHaveLength(24);
      await expect(client({ maxPages: 2 }).readInventory()).rejects.toThrow(
        'the source announces 24 items, 3 pages of 10, more than the limit of 2 pages',
      );
    });

    it.each(['/api/endpoints', '/api/tags'])(
      'stops an endless body from %s at maxResponseBytes',
      async path => {
        portainer.fail('endless-body', { path });
        await expect(
          client({ maxResponseBytes: 64 * 1024 }).readInventory(),
        ).rejects.toThrow(
          `GET ${path}: the response is larger than the limit of 64 KiB (maxResponseBytes); the request was stopped there`,
        );
      },
    );

    it('refuses a Content-Length beyond the cap without waiting for the body', async () => {
      portainer.fail('huge-content-length', { path: '/api/endpoints' });
      await expect(
        client({ timeoutMs: 10_000 }).readInventory(),
      ).rejects.toThrow(
        'GET /api/endpoints: the response announces 1 GiB (Content-Length), more than the limit of 16 MiB (maxResponseBytes); it was not read',
      );
    });
  });

  it('rejects when Portainer is down', async () => {
    await portainer.close();
    await expect(client().readInventory()).rejects.toThrow(/ECONNREFUSED/);
  });
});
