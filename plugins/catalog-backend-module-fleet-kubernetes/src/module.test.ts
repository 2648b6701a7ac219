import { TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  eventually,
  governedCluster,
  startCatalogBackend,
} from './__testUtils__/catalogBackend';
import { argoCdApiCluster, FakeArgoCdApi } from './__testUtils__/FakeArgoCdApi';
import {
  FakeKubernetesApi,
  FakeFault,
} from './__testUtils__/FakeKubernetesApi';
import {
  argoCdClusterSecret,
  CAPI_CLUSTERS_V1BETA2,
  capiClusterV1beta2,
  managedCluster,
  MANAGED_CLUSTERS,
  SECRETS,
} from './__testUtils__/fixtures';

jest.setTimeout(90_000);

const KNOWN = 'prd-euw1-payments-01';
const OCM_NAMESPACE = 'open-cluster-management-hub-eu';

function moduleConfig(
  fake: FakeKubernetesApi,
  sources: object = { openClusterManagement: true },
  cluster: object = { caData: fake.caData },
) {
  return {
    catalog: {
      providers: {
        fleetKubernetes: {
          'hub-eu': {
            cluster: { url: fake.url, token: fake.token, ...cluster },
            defaultOwner: 'group:default/platform-team',
            sources,
            pageSize: 2,
            maxPages: 20,
            maxResponseBytes: 64 * 1024,
            timeout: { milliseconds: 500 },
          },
        },
      },
    },
  };
}

const SETTING = 'catalog.providers.fleetKubernetes.hub-eu';

/**
 * Waits until the stand-in platform-repository provider's cluster is in the catalog,
 * as it is in a running portal; a source read before that lists it as ungoverned
 * until its next run (see fleet-node's planClusters).
 */
async function inventoryRead(
  catalog: Awaited<ReturnType<typeof startCatalogBackend>>,
) {
  await eventually(async () =>
    expect(await catalog.entity(`resource:default/${KNOWN}`)).toBeDefined(),
  );
}

const annotation = (entity: Entity | undefined, name: string) =>
  entity?.metadata.annotations?.[name];

describe('catalogModuleFleetKubernetes', () => {
  let fake: FakeKubernetesApi;

  beforeEach(async () => {
    fake = await FakeKubernetesApi.start();
  });

  afterEach(async () => {
    await fake.close();
  });

  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'keeps a known cluster one entity with live facts and lists an unknown one as ungoverned, on %p',
    async databaseId => {
      fake.setObjects(MANAGED_CLUSTERS, [
        managedCluster(KNOWN, { version: 'v1.30.4' }),
        managedCluster('lab-unknown-01', {
          labels: { environment: 'development', region: 'eu-central-1' },
        }),
      ]);
      const catalog = await startCatalogBackend({
        config: moduleConfig(fake),
        inventory: [governedCluster(KNOWN)],
        knex: await databases.init(databaseId),
      });
      try {
        await inventoryRead(catalog);
        await catalog.runSource('open-cluster-management', 'hub-eu');

        const known = await eventually(async () => {
          const entity = await catalog.entity(`resource:default/${KNOWN}`);
          expect(
            annotation(
              entity,
              'open-cluster-management.fleet-portal.dev/status',
            ),
          ).toBe('connected');
          return entity!;
        });
        expect(known.metadata.annotations).toMatchObject({
          'open-cluster-management.fleet-portal.dev/kubernetes-version':
            'v1.30.4',
          'open-cluster-management.fleet-portal.dev/agent': 'klusterlet',
          'open-cluster-management.fleet-portal.dev/id': `ocm-uid-${KNOWN}`,
          'open-cluster-management.fleet-portal.dev/instance': 'hub-eu',
        });
        expect(known.spec?.owner).toBe('group:default/team-payments');
        expect(known.metadata.links).toContainEqual(
          expect.objectContaining({
            url: `${fake.url}/apis/cluster.open-cluster-management.io/v1/managedclusters/${KNOWN}`,
          }),
        );

        const unknown = await catalog.entity(
          `resource:${OCM_NAMESPACE}/lab-unknown-01`,
        );
        expect(unknown?.spec).toMatchObject({
          type: 'kubernetes-cluster',
          owner: 'group:default/platform-team',
          environment: 'development',
          region: 'eu-central-1',
        });
        expect(annotation(unknown, 'fleet-portal.dev/governed')).toBe('false');

        await eventually(async () =>
          expect(await catalog.clusterRefs()).toEqual([
            `resource:default/${KNOWN}`,
            `resource:${OCM_NAMESPACE}/lab-unknown-01`,
          ]),
        );
      } finally {
        await catalog.backend.stop();
      }
    },
  );

  it('changes nothing when the source fails, logs the failure with the source name, and recovers', async () => {
    fake.setObjects(MANAGED_CLUSTERS, [
      managedCluster(KNOWN),
      managedCluster('lab-unknown-01'),
    ]);
    const catalog = await startCatalogBackend({
      config: moduleConfig(fake),
      inventory: [governedCluster(KNOWN)],
    });
    try {
      await inventoryRead(catalog);
      await catalog.runSource('open-cluster-management', 'hub-eu');
      await eventually(async () =>
        expect(
          annotation(
            await catalog.entity(`resource:default/${KNOWN}`),
            'open-cluster-management.fleet-portal.dev/status',
          ),
        ).toBe('connected'),
      );

      // From here on the hub would report the known cluster as unavailable and
      // the unknown one gone; none of it may land while the source fails.
      const changed = [managedCluster(KNOWN, { available: 'False' })];
      const failures: Array<[FakeFault | 'crd-missing', RegExp]> = [
        ['unauthorized', /401 Unauthorized/],
        ['forbidden', /403 Forbidden/],
        ['hang', /no answer from .* within 500 ms/],
        ['malformed', /malformed response/],
        ['not-a-list', /expected a Kubernetes list/],
        [
          'crd-missing',
          /the CRD managedclusters\.cluster\.open-cluster-management\.io .* is not installed/,
        ],
        // Lists that would never end, or never fit: bounded and failed.
        [
          'repeat-continue',
          /page 2 gave a continue token the source already gave before, so its paging does not advance/,
        ],
        [
          'endless-continue',
          new RegExp(
            `still more after 20 pages, the limit \\(${SETTING}\\.maxPages\\)`,
          ),
        ],
        [
          'endless-body',
          new RegExp(
            `oversized response from .*: the response is larger than the limit of 64 KiB \\(${SETTING}\\.maxResponseBytes\\)`,
          ),
        ],
        ['huge-content-length', /announces 1 GiB \(Content-Length\)/],
      ];
      for (const [failure, expected] of failures) {
        if (failure === 'crd-missing') {
          fake.removeResource(MANAGED_CLUSTERS);
        } else {
          fake.setObjects(MANAGED_CLUSTERS, changed);
          fake.setFault(MANAGED_CLUSTERS, failure);
        }
        catalog.logs.length = 0;
        const started = Date.now();
        await catalog.runSource('open-cluster-management', 'hub-eu');
        // Far inside the task's 3 minute timeout: nothing waits for a list or a body to end.
        expect({ failure, fast: Date.now() - started < 5000 }).toEqual({
          failure,
          fast: true,
        });

        const errors = catalog.logs.filter(line => line.level === 'error');
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toContain(
          'open-cluster-management source "hub-eu"',
        );
        expect(errors[0].message).toMatch(expected);
        expect(errors[0].message).toContain('left unchanged');
        expect(await catalog.clusterRefs()).toEqual([
          `resource:default/${KNOWN}`,
          `resource:${OCM_NAMESPACE}/lab-unknown-01`,
        ]);
        expect(
          annotation(
            await catalog.entity(`resource:default/${KNOWN}`),
            'open-cluster-management.fleet-portal.dev/status',
          ),
        ).toBe('connected');
        fake.setFault(MANAGED_CLUSTERS, undefined);
      }
      expect(
        catalog.logs.concat().some(line => line.message.includes(fake.token)),
      ).toBe(false);

      // Had a failed run stored the new facts, reprocessing would now show them.
      await catalog.refresh(`resource:default/${KNOWN}`);
      await new Promise(resolve => setTimeout(resolve, 3000));
      expect(
        annotation(
          await catalog.entity(`resource:default/${KNOWN}`),
          'open-cluster-management.fleet-portal.dev/status',
        ),
      ).toBe('connected');

      fake.setObjects(MANAGED_CLUSTERS, changed);
      await catalog.runSource('open-cluster-management', 'hub-eu');
      expect(await catalog.clusterRefs()).toEqual([
        `resource:default/${KNOWN}`,
      ]);
      await eventually(async () =>
        expect(
          annotation(
            await catalog.entity(`resource:default/${KNOWN}`),
            'open-cluster-management.fleet-portal.dev/status',
          ),
        ).toBe('disconnected'),
      );
    } finally {
      await catalog.backend.stop();
    }
  });

  it('reads Cluster API and Argo CD (with its API server) from the same management cluster, each source on its own', async () => {
    fake.setObjects(CAPI_CLUSTERS_V1BETA2, [
      capiClusterV1beta2(KNOWN, { version: 'v1.31.4' }),
      capiClusterV1beta2('capi-only-01', { namespace: 'team-lab' }),
    ]);
    fake.setObjects(SECRETS, [
      argoCdClusterSecret(KNOWN),
      argoCdClusterSecret('argo-only-01', { labels: { environment: 'edge' } }),
    ]);
    const argoApi = await FakeArgoCdApi.start();
    argoApi.clusters = [argoCdApiCluster(KNOWN, 'Successful')];
    const catalog = await startCatalogBackend({
      config: moduleConfig(fake, {
        openClusterManagement: true,
        clusterApi: true,
        argocd: {
          linkTemplate: 'https://argocd.example/settings/clusters/{server}',
          api: {
            url: argoApi.url,
            token: argoApi.token,
            caData: argoApi.caData,
          },
        },
      }),
      inventory: [governedCluster(KNOWN)],
    });
    try {
      await inventoryRead(catalog);
      await catalog.runSource('open-cluster-management', 'hub-eu');
      await catalog.runSource('cluster-api', 'hub-eu');
      await catalog.runSource('argocd', 'hub-eu');

      // OCM is not installed on this management cluster: only its source fails.
      expect(
        catalog.logs.filter(line => line.level === 'error').map(l => l.message),
      ).toEqual([
        expect.stringMatching(
          /open-cluster-management source "hub-eu": the CRD managedclusters/,
        ),
      ]);
      await eventually(async () =>
        expect(await catalog.clusterRefs()).toEqual([
          'resource:argocd-hub-eu/argo-only-01',
          'resource:cluster-api-hub-eu/capi-only-01',
          `resource:default/${KNOWN}`,
        ]),
      );
      const known = await eventually(async () => {
        const entity = await catalog.entity(`resource:default/${KNOWN}`);
        expect(annotation(entity, 'cluster-api.fleet-portal.dev/status')).toBe(
          'connected',
        );
        expect(annotation(entity, 'argocd.fleet-portal.dev/status')).toBe(
          'connected',
        );
        return entity!;
      });
      expect(known.metadata.annotations).toMatchObject({
        'cluster-api.fleet-portal.dev/kubernetes-version': 'v1.31.4',
        'argocd.fleet-portal.dev/api-server': `https://api.${KNOWN}.k8s.example:6443`,
      });
      expect(known.metadata.links?.map(link => link.url)).toEqual(
        expect.arrayContaining([
          `https://argocd.example/settings/clusters/${encodeURIComponent(
            `https://api.${KNOWN}.k8s.example:6443`,
          )}`,
          `${fake.url}/apis/cluster.x-k8s.io/v1beta2/namespaces/fleet/clusters/${KNOWN}`,
        ]),
      );
      const argoOnly = await catalog.entity(
        'resource:argocd-hub-eu/argo-only-01',
      );
      expect(argoOnly?.spec).toMatchObject({
        owner: 'group:default/platform-team',
        environment: 'edge',
      });
      expect(annotation(argoOnly, 'argocd.fleet-portal.dev/status')).toBe(
        'unknown',
      );
      expect(
        catalog.logs.some(line => line.message.includes(argoApi.token)),
      ).toBe(false);
    } finally {
      await catalog.backend.stop();
      await argoApi.close();
    }
  });

  it('does nothing, quietly, when no management cluster is configured', async () => {
    const catalog = await startCatalogBackend({
      config: {},
      inventory: [governedCluster(KNOWN)],
    });
    try {
      await eventually(async () =>
        expect(await catalog.clusterRefs()).toEqual([
          `resource:default/${KNOWN}`,
        ]),
      );
      expect(
        catalog.logs.filter(
          line => line.level === 'error' || line.level === 'warn',
        ),
      ).toEqual([]);
      await expect(
        catalog.runSource('open-cluster-management', 'hub-eu'),
      ).rejects.toThrow(/not found/);
    } finally {
      await catalog.backend.stop();
    }
  });

  it('sends the token over plain http only when cluster.allowInsecureHttp is set', async () => {
    const plain = await FakeKubernetesApi.start({ tls: false });
    try {
      plain.setObjects(MANAGED_CLUSTERS, [managedCluster('lab-unknown-01')]);
      await expect(
        startCatalogBackend({ config: moduleConfig(plain, undefined, {}) }),
      ).rejects.toThrow(
        `${SETTING}.cluster.url: a plain http URL would send the token unencrypted; use https, or set ${SETTING}.cluster.allowInsecureHttp: true to accept plain HTTP for this source (local test servers only)`,
      );
      expect(plain.requests).toEqual([]);

      const catalog = await startCatalogBackend({
        config: moduleConfig(plain, undefined, { allowInsecureHttp: true }),
      });
      try {
        await catalog.runSource('open-cluster-management', 'hub-eu');
        await eventually(async () =>
          expect(await catalog.clusterRefs()).toEqual([
            `resource:${OCM_NAMESPACE}/lab-unknown-01`,
          ]),
        );
      } finally {
        await catalog.backend.stop();
      }
    } finally {
      await plain.close();
    }
  });

  it('refuses a configuration error at startup, naming the field', async () => {
    await expect(
      startCatalogBackend({
        config: moduleConfig(fake, {}),
      }),
    ).rejects.toThrow(
      'catalog.providers.fleetKubernetes.hub-eu.sources: enable at least one of openClusterManagement, clusterApi, argocd',
    );
  });
});
