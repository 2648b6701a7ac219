import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import { managedCluster, MANAGED_CLUSTERS } from '../__testUtils__/fixtures';
import { MANAGED_CLUSTER } from '../sources/resources';
import { ListRequestError } from './listErrors';
import { ManagementClusterClient } from './ManagementClusterClient';

describe('ManagementClusterClient', () => {
  let fake: FakeKubernetesApi;

  beforeEach(async () => {
    fake = await FakeKubernetesApi.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  function client(
    overrides: Partial<{
      token: string;
      caData?: string;
      skipTLSVerify: boolean;
      url: string;
      pageSize: number;
      requestTimeoutMs: number;
      maxPages: number;
      maxResponseBytes: number;
      allowInsecureHttp: boolean;
    }> = {},
  ) {
    return new ManagementClusterClient({
      connection: {
        url: overrides.url ?? fake.url,
        caData: 'caData' in overrides ? overrides.caData : fake.caData,
        skipTLSVerify: overrides.skipTLSVerify ?? false,
        token: overrides.token ?? fake.token,
        allowInsecureHttp: overrides.allowInsecureHttp,
      },
      pageSize: overrides.pageSize ?? 2,
      requestTimeoutMs: overrides.requestTimeoutMs ?? 5_000,
      maxPages: overrides.maxPages,
      maxResponseBytes: overrides.maxResponseBytes,
    });
  }
  const managedClustersUrl = () =>
    `${fake.url}/apis/cluster.open-cluster-management.io/v1/managedclusters`;

  const listError = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the list to fail');
      },
      (error: unknown) => error as ListRequestError,
    );

  it('reads every page with limit and continue, verifying the server with the CA data', async () => {
    fake.setObjects(
      MANAGED_CLUSTERS,
      ['a', 'b', 'c', 'd', 'e'].map(name => managedCluster(name)),
    );
    const items = await client().listCustomObjects(MANAGED_CLUSTER);
    expect(items.map((item: any) => item.metadata.name)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
    expect(
      fake.requests.map(r => [r.query.limit, r.query.continue !== undefined]),
    ).toEqual([
      ['2', false],
      ['2', true],
      ['2', true],
    ]);
    expect(fake.requests.every(r => r.authorized)).toBe(true);
  });

  it('lists secrets by label selector, paging through the typed client', async () => {
    fake.setObjects(
      {
        prefix: '/api/v1',
        plural: 'secrets',
        kind: 'Secret',
        namespaced: true,
      },
      [1, 2, 3].map(i => ({
        metadata: {
          name: `s${i}`,
          namespace: 'argocd',
          uid: `u${i}`,
          labels: { 'argocd.argoproj.io/secret-type': 'cluster' },
        },
        data: {},
      })),
    );
    const items = await client().listSecrets(
      'argocd',
      'argocd.argoproj.io/secret-type=cluster',
    );
    expect(items).toHaveLength(3);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0].path).toBe('/api/v1/namespaces/argocd/secrets');
    expect(fake.requests[0].query.labelSelector).toBe(
      'argocd.argoproj.io/secret-type=cluster',
    );
  });

  it('fails with 401 for a rejected token, without the token in the message', async () => {
    fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
    const error = await listError(
      client({ token: 'wrong-token' }).listCustomObjects(MANAGED_CLUSTER),
    );
    expect(error).toBeInstanceOf(ListRequestError);
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      `401 Unauthorized from ${fake.url}/apis/cluster.open-cluster-management.io/v1/managedclusters: the management cluster rejected the configured token`,
    );
    expect(error.message).not.toContain('wrong-token');
  });

  it('fails with the API server message for 403 and 500', async () => {
    fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
    fake.setFault(MANAGED_CLUSTERS, 'forbidden');
    const forbidden = await listError(
      client().listCustomObjects(MANAGED_CLUSTER),
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.message).toContain(
      'cannot list resource "managedclusters" at the cluster scope',
    );
    fake.setFault(MANAGED_CLUSTERS, 'server-error');
    const serverError = await listError(
      client().listCustomObjects(MANAGED_CLUSTER),
    );
    expect(serverError.message).toContain('HTTP 500');
    expect(serverError.message).toContain('etcdserver: request timed out');
  });

  it('fails with 410 when the continue token expired between pages', async () => {
    fake.setObjects(
      MANAGED_CLUSTERS,
      ['a', 'b', 'c'].map(name => managedCluster(name)),
    );
    fake.setFault(MANAGED_CLUSTERS, 'expired-continue');
    const error = await listError(client().listCustomObjects(MANAGED_CLUSTER));
    expect(error.status).toBe(410);
    expect(error.message).toContain(
      "the list's continue token expired before all pages were read: The provided continue parameter is too old",
    );
  });

  it('fails with 404 when the resource is not served', async () => {
    const error = await listError(client().listCustomObjects(MANAGED_CLUSTER));
    expect(error.status).toBe(404);
  });

  it('times out a request that gets no answer', async () => {
    fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
    fake.setFault(MANAGED_CLUSTERS, 'hang');
    const error = await listError(
      client({ requestTimeoutMs: 300 }).listCustomObjects(MANAGED_CLUSTER),
    );
    expect(error.message).toBe(
      `no answer from ${fake.url}/apis/cluster.open-cluster-management.io/v1/managedclusters within 300 ms`,
    );
  });

  it('stops when the caller aborts', async () => {
    fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
    fake.setFault(MANAGED_CLUSTERS, 'hang');
    const controller = new AbortController();
    const pending = listError(
      client().listCustomObjects(MANAGED_CLUSTER, {
        signal: controller.signal,
      }),
    );
    setTimeout(() => controller.abort(), 100);
    expect((await pending).message).toContain('was aborted');
  });

  it('fails on a body that is not JSON, or not a list', async () => {
    fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
    fake.setFault(MANAGED_CLUSTERS, 'malformed');
    expect(
      (await listError(client().listCustomObjects(MANAGED_CLUSTER))).message,
    ).toMatch(/^malformed response from .*: the body is not valid JSON/);
    fake.setFault(MANAGED_CLUSTERS, 'not-a-list');
    expect(
      (await listError(client().listCustomObjects(MANAGED_CLUSTER))).message,
    ).toMatch(/expected a Kubernetes list with an "items" array/);
  });

  it('refuses a server its CA data does not vouch for, unless skipTLSVerify', async () => {
    fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
    const error = await listError(
      client({ caData: undefined }).listCustomObjects(MANAGED_CLUSTER),
    );
    expect(error.message).toMatch(/request to .* failed: .*certificate/i);
    await expect(
      client({ caData: undefined, skipTLSVerify: true }).listCustomObjects(
        MANAGED_CLUSTER,
      ),
    ).resolves.toHaveLength(1);
  });

  describe('does not trust the API server to end its lists', () => {
    beforeEach(() => {
      fake.setObjects(
        MANAGED_CLUSTERS,
        ['a', 'b', 'c'].map(name => managedCluster(name)),
      );
    });

    it('stops at a continue token it already gave', async () => {
      fake.setFault(MANAGED_CLUSTERS, 'repeat-continue');
      const error = await listError(
        client().listCustomObjects(MANAGED_CLUSTER),
      );
      expect(error.message).toBe(
        `list ${managedClustersUrl()}: page 2 gave a continue token the source already gave before, so its paging does not advance and would never end; the read was stopped after 2 pages`,
      );
      expect(fake.requests).toHaveLength(2);
    });

    it('stops a list that never ends at maxPages', async () => {
      fake.setFault(MANAGED_CLUSTERS, 'endless-continue');
      const error = await listError(
        client({ maxPages: 5 }).listCustomObjects(MANAGED_CLUSTER),
      );
      expect(error.message).toBe(
        `list ${managedClustersUrl()}: still more after 5 pages, the limit (maxPages); the read was stopped. Raise the limit only if the source really is this large`,
      );
      expect(fake.requests).toHaveLength(5);
    });

    it('reads a list of exactly maxPages pages', async () => {
      await expect(
        client({ maxPages: 2 }).listCustomObjects(MANAGED_CLUSTER),
      ).resolves.toHaveLength(3);
      await expect(
        client({ maxPages: 1 }).listCustomObjects(MANAGED_CLUSTER),
      ).rejects.toThrow('still more after 1 pages');
    });

    it('stops a body that never ends at maxResponseBytes', async () => {
      fake.setFault(MANAGED_CLUSTERS, 'endless-body');
      const error = await listError(
        client({ maxResponseBytes: 64 * 1024 }).listCustomObjects(
          MANAGED_CLUSTER,
        ),
      );
      expect(error).toBeInstanceOf(ListRequestError);
      expect(error.message).toBe(
        `oversized response from ${managedClustersUrl()}: the response is larger than the limit of 64 KiB (maxResponseBytes); the request was stopped there`,
      );
    });

    it('refuses a Content-Length above maxResponseBytes without waiting for the body', async () => {
      fake.setFault(MANAGED_CLUSTERS, 'huge-content-length');
      const error = await listError(
        client().listCustomObjects(MANAGED_CLUSTER),
      );
      expect(error.message).toBe(
        `oversized response from ${managedClustersUrl()}: the response announces 1 GiB (Content-Length), more than the limit of 16 MiB (maxResponseBytes); it was not read`,
      );
    });
  });

  it('sends the token over plain http only with allowInsecureHttp', async () => {
    const plain = await FakeKubernetesApi.start({ tls: false });
    try {
      plain.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
      expect(() => client({ url: plain.url, token: plain.token })).toThrow(
        `refusing to send the management cluster token to ${plain.url} over plain http without allowInsecureHttp`,
      );
      await expect(
        client({
          url: plain.url,
          token: plain.token,
          allowInsecureHttp: true,
        }).listCustomObjects(MANAGED_CLUSTER),
      ).resolves.toHaveLength(1);
    } finally {
      await plain.close();
    }
  });

  it('fails clearly when nothing listens', async () => {
    const url = fake.url;
    await fake.close();
    const error = await listError(
      client({ url }).listCustomObjects(MANAGED_CLUSTER),
    );
    expect(error.message).toMatch(/request to .* failed: .*ECONNREFUSED/);
    fake = await FakeKubernetesApi.start();
  });
});
