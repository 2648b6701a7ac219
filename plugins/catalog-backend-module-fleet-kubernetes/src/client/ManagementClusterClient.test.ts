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
    }> = {},
  ) {
    return new ManagementClusterClient({
      connection: {
        url: overrides.url ?? fake.url,
        caData: 'caData' in overrides ? overrides.caData : fake.caData,
        skipTLSVerify: overrides.skipTLSVerify ?? false,
        token: overrides.token ?? fake.token,
      },
      pageSize: overrides.pageSize ?? 2,
      requestTimeoutMs: overrides.requestTimeoutMs ?? 5_000,
    });
  }

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
