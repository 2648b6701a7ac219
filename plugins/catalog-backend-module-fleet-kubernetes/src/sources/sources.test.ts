import { mockServices } from '@backstage/backend-test-utils';
import { ArgoCdApiClient } from '../client/ArgoCdApiClient';
import { ManagementClusterClient } from '../client/ManagementClusterClient';
import {
  argoCdApiCluster,
  FakeArgoCdApi,
} from '../__testUtils__/FakeArgoCdApi';
import { FakeKubernetesApi } from '../__testUtils__/FakeKubernetesApi';
import {
  argoCdClusterSecret,
  argoCdRepositorySecret,
  CAPI_CLUSTERS_V1BETA1,
  CAPI_CLUSTERS_V1BETA2,
  capiClusterV1beta1,
  capiClusterV1beta2,
  managedCluster,
  MANAGED_CLUSTERS,
  SECRETS,
} from '../__testUtils__/fixtures';
import { ArgoCdSource } from './argocd';
import { ClusterApiSource } from './clusterApi';
import { DEFAULT_LABEL_MAPPING } from './labelMapping';
import { OpenClusterManagementSource } from './openClusterManagement';

describe('sources read from a fake management cluster', () => {
  let fake: FakeKubernetesApi;
  const logger = mockServices.logger.mock();

  beforeEach(async () => {
    fake = await FakeKubernetesApi.start();
    jest.clearAllMocks();
  });

  afterEach(async () => {
    await fake.close();
  });

  function options() {
    return {
      id: 'hub-eu',
      client: new ManagementClusterClient({
        connection: {
          url: fake.url,
          caData: fake.caData,
          skipTLSVerify: false,
          token: fake.token,
        },
        pageSize: 2,
        requestTimeoutMs: 2_000,
      }),
      labels: DEFAULT_LABEL_MAPPING,
      logger,
    };
  }

  describe('OpenClusterManagementSource', () => {
    it('lists every ManagedCluster, linking to its object on the hub', async () => {
      fake.setObjects(MANAGED_CLUSTERS, [
        managedCluster('a'),
        managedCluster('b', { available: 'False' }),
        managedCluster('c'),
      ]);
      const clusters = await new OpenClusterManagementSource(
        options(),
      ).listClusters();
      expect(clusters.map(c => [c.name, c.status])).toEqual([
        ['a', 'connected'],
        ['b', 'disconnected'],
        ['c', 'connected'],
      ]);
      expect(clusters[0].url).toBe(
        `${fake.url}/apis/cluster.open-cluster-management.io/v1/managedclusters/a`,
      );
    });

    it('names the missing CRD and the source', async () => {
      await expect(
        new OpenClusterManagementSource(options()).listClusters(),
      ).rejects.toThrow(
        `open-cluster-management source "hub-eu": the CRD managedclusters.cluster.open-cluster-management.io (cluster.open-cluster-management.io/v1) is not installed on the management cluster ${fake.url}`,
      );
    });

    it('names the source on a malformed answer', async () => {
      fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a')]);
      fake.setFault(MANAGED_CLUSTERS, 'malformed');
      await expect(
        new OpenClusterManagementSource(options()).listClusters(),
      ).rejects.toThrow(
        /^open-cluster-management source "hub-eu": malformed response/,
      );
    });

    it('skips an object it cannot identify, logs it, and keeps the others', async () => {
      const broken = managedCluster('broken');
      delete broken.metadata.uid;
      fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a'), broken]);
      const clusters = await new OpenClusterManagementSource(
        options(),
      ).listClusters();
      expect(clusters.map(c => c.name)).toEqual(['a']);
      expect(logger.warn).toHaveBeenCalledWith(
        'open-cluster-management source "hub-eu": skipped an object: ManagedCluster broken has no metadata.uid',
      );
    });

    it('uses a configured link template', async () => {
      fake.setObjects(MANAGED_CLUSTERS, [managedCluster('a b')]);
      const [cluster] = await new OpenClusterManagementSource({
        ...options(),
        linkTemplate: 'https://console.example/clusters/{name}/overview',
      }).listClusters();
      expect(cluster.url).toBe(
        'https://console.example/clusters/a%20b/overview',
      );
    });
  });

  describe('ClusterApiSource', () => {
    it('reads v1beta2 when it is served', async () => {
      fake.setObjects(CAPI_CLUSTERS_V1BETA2, [
        capiClusterV1beta2('a', { namespace: 'team-a' }),
        capiClusterV1beta2('b', { namespace: 'team-b', available: 'False' }),
      ]);
      fake.setObjects(CAPI_CLUSTERS_V1BETA1, [capiClusterV1beta1('old')]);
      const clusters = await new ClusterApiSource(options()).listClusters();
      expect(clusters.map(c => [c.name, c.status])).toEqual([
        ['a', 'connected'],
        ['b', 'disconnected'],
      ]);
      expect(clusters[0].url).toBe(
        `${fake.url}/apis/cluster.x-k8s.io/v1beta2/namespaces/team-a/clusters/a`,
      );
      expect(fake.requests[0].path).toBe(
        '/apis/cluster.x-k8s.io/v1beta2/clusters',
      );
    });

    it('falls back to v1beta1 when v1beta2 is not served, and remembers it', async () => {
      fake.setObjects(CAPI_CLUSTERS_V1BETA1, [
        capiClusterV1beta1('a', { version: 'v1.29.1' }),
      ]);
      const source = new ClusterApiSource(options());
      expect(await source.listClusters()).toMatchObject([
        { name: 'a', status: 'connected', kubernetesVersion: 'v1.29.1' },
      ]);
      await source.listClusters();
      expect(fake.requests.map(r => r.path)).toEqual([
        '/apis/cluster.x-k8s.io/v1beta2/clusters',
        '/apis/cluster.x-k8s.io/v1beta1/clusters',
        '/apis/cluster.x-k8s.io/v1beta1/clusters',
      ]);
    });

    it('lists only the configured namespaces', async () => {
      fake.setObjects(CAPI_CLUSTERS_V1BETA2, [
        capiClusterV1beta2('a', { namespace: 'team-a' }),
        capiClusterV1beta2('b', { namespace: 'team-b' }),
        capiClusterV1beta2('c', { namespace: 'team-c' }),
      ]);
      const clusters = await new ClusterApiSource({
        ...options(),
        namespaces: ['team-a', 'team-c'],
      }).listClusters();
      expect(clusters.map(c => c.name)).toEqual(['a', 'c']);
    });

    it('names the CRD when no version is installed', async () => {
      await expect(
        new ClusterApiSource(options()).listClusters(),
      ).rejects.toThrow(
        `cluster-api source "hub-eu": the CRD clusters.cluster.x-k8s.io (cluster.x-k8s.io/v1beta2 or v1beta1) is not installed on the management cluster ${fake.url}`,
      );
    });

    it('does not fall back on 403', async () => {
      fake.setObjects(CAPI_CLUSTERS_V1BETA2, [capiClusterV1beta2('a')]);
      fake.setObjects(CAPI_CLUSTERS_V1BETA1, [capiClusterV1beta1('a')]);
      fake.setFault(CAPI_CLUSTERS_V1BETA2, 'forbidden');
      await expect(
        new ClusterApiSource(options()).listClusters(),
      ).rejects.toThrow(/^cluster-api source "hub-eu": 403 Forbidden/);
    });
  });

  describe('ArgoCdSource', () => {
    it('reads the cluster secrets of its namespace only', async () => {
      fake.setObjects(SECRETS, [
        argoCdClusterSecret('a'),
        argoCdRepositorySecret('repo-platform'),
        argoCdClusterSecret('b'),
        argoCdClusterSecret('elsewhere', { namespace: 'other-argocd' }),
        argoCdClusterSecret('c'),
      ]);
      const clusters = await new ArgoCdSource({
        ...options(),
        namespace: 'argocd',
      }).listClusters();
      expect(clusters.map(c => [c.name, c.status])).toEqual([
        ['a', 'unknown'],
        ['b', 'unknown'],
        ['c', 'unknown'],
      ]);
      expect(fake.requests[0].query.labelSelector).toBe(
        'argocd.argoproj.io/secret-type=cluster',
      );
    });

    describe('with Argo CD API', () => {
      let argoApi: FakeArgoCdApi;

      beforeEach(async () => {
        argoApi = await FakeArgoCdApi.start();
        fake.setObjects(SECRETS, [
          argoCdClusterSecret('a'),
          argoCdClusterSecret('b', { server: 'https://b.example:6443/' }),
          argoCdClusterSecret('c'),
        ]);
      });

      afterEach(async () => {
        await argoApi.close();
      });

      const source = (
        api: Partial<{
          token: string;
          caData: string;
          maxResponseBytes: number;
          timeoutMs: number;
        }> = {},
      ) =>
        new ArgoCdSource({
          ...options(),
          namespace: 'argocd',
          api: new ArgoCdApiClient({
            connection: {
              url: argoApi.url,
              token: api.token ?? argoApi.token,
              caData: 'caData' in api ? api.caData : argoApi.caData,
              skipTLSVerify: false,
              maxResponseBytes: api.maxResponseBytes,
              maxResponseBytesSetting: 'sources.argocd.api.maxResponseBytes',
            },
            timeoutMs: api.timeoutMs ?? 300,
          }),
        });

      it('adds the connection state Argo CD reports, matching clusters by server', async () => {
        argoApi.clusters = [
          argoCdApiCluster('a', 'Successful', { serverVersion: '1.31' }),
          argoCdApiCluster('b', 'Failed', {
            server: 'https://b.example:6443',
            message:
              'the server has asked for the client to provide credentials',
          }),
        ];
        const clusters = await source().listClusters();
        expect(
          clusters.map(c => [
            c.name,
            c.status,
            c.statusMessage,
            c.kubernetesVersion,
          ]),
        ).toEqual([
          ['a', 'connected', 'Argo CD connection state Successful', '1.31'],
          [
            'b',
            'disconnected',
            'Failed: the server has asked for the client to provide credentials',
            '1.30',
          ],
          [
            'c',
            'unknown',
            "Argo CD's API reports no connection state for this server",
            undefined,
          ],
        ]);
      });

      it('reads an empty (null) cluster list', async () => {
        argoApi.clusters = [];
        const clusters = await source().listClusters();
        expect(clusters.map(c => c.status)).toEqual([
          'unknown',
          'unknown',
          'unknown',
        ]);
      });

      it.each([
        [
          'unauthorized',
          /Argo CD API: 401 from .*: Argo CD rejected the configured API token/,
        ],
        [
          'hang',
          /Argo CD API: no answer from .*\/api\/v1\/clusters within 300 ms/,
        ],
        [
          'malformed',
          /Argo CD API: malformed response from .*: the body is not valid JSON/,
        ],
      ] as const)(
        'fails the source when the API fails (%s)',
        async (fault, message) => {
          argoApi.fault = fault;
          await expect(source().listClusters()).rejects.toThrow(
            /^argocd source "hub-eu": Argo CD API: /,
          );
          await expect(source().listClusters()).rejects.toThrow(message);
        },
      );

      it('stops a cluster list that never ends at maxResponseBytes', async () => {
        argoApi.fault = 'endless-body';
        await expect(
          // the cap, not the clock, must stop it: a loaded machine may not read 64 KiB in 300 ms
          source({
            maxResponseBytes: 64 * 1024,
            timeoutMs: 30_000,
          }).listClusters(),
        ).rejects.toThrow(
          /^argocd source "hub-eu": Argo CD API: oversized response from .*\/api\/v1\/clusters: the response is larger than the limit of 64 KiB \(sources\.argocd\.api\.maxResponseBytes\); the request was stopped there$/,
        );
      });

      it('refuses to send its token over plain http without allowInsecureHttp', () => {
        expect(
          () =>
            new ArgoCdApiClient({
              connection: {
                url: 'http://127.0.0.1:8080',
                token: 't',
                skipTLSVerify: false,
              },
              timeoutMs: 300,
            }),
        ).toThrow(
          'refusing to send the Argo CD token to http://127.0.0.1:8080 over plain http without allowInsecureHttp',
        );
      });

      it("verifies Argo CD's certificate", async () => {
        await expect(
          source({ caData: undefined }).listClusters(),
        ).rejects.toThrow(/Argo CD API: request to .* failed: .*certificate/i);
      });
    });

    it('names the source on 401', async () => {
      fake.setObjects(SECRETS, [argoCdClusterSecret('a')]);
      fake.setFault(SECRETS, 'unauthorized');
      await expect(
        new ArgoCdSource({ ...options(), namespace: 'argocd' }).listClusters(),
      ).rejects.toThrow(/^argocd source "hub-eu": 401 Unauthorized/);
    });
  });
});
