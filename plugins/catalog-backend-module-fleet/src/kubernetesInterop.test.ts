import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import kubernetesPlugin from '@backstage/plugin-kubernetes-backend';
import {
  ClusterDetails,
  KubernetesClustersSupplier,
  kubernetesClusterSupplierExtensionPoint,
} from '@backstage/plugin-kubernetes-node';
import {
  eventually,
  startCatalogBackend,
} from './__testUtils__/catalogBackend';
import { TestGitRepository } from './__testUtils__/gitRepository';
import {
  clusterPath,
  clusterYaml,
  profilePath,
  profileYaml,
} from './__testUtils__/platformRepo';

jest.setTimeout(60_000);

const CA = Buffer.from(
  '-----BEGIN CERTIFICATE-----\ntest\n-----END CERTIFICATE-----\n',
).toString('base64');

// What the inventory knows about access to each cluster.
const clusters = {
  'prd-euw1-payments-01': {
    podCidr: '10.64.0.0/16',
    serviceCidr: '10.128.0.0/20',
    annotations: {
      'kubernetes.io/api-server': 'https://34.120.10.20:6443',
      'kubernetes.io/api-server-certificate-authority': CA,
      'kubernetes.io/auth-provider': 'google',
    },
  },
  'prd-euw1-checkout-01': {
    podCidr: '10.65.0.0/16',
    serviceCidr: '10.128.16.0/20',
    annotations: {
      'kubernetes.io/api-server':
        'https://api.prd-euw1-checkout-01.fleet.internal:6443',
      'kubernetes.io/api-server-certificate-authority': CA,
      'kubernetes.io/auth-provider': 'oidc',
      'kubernetes.io/oidc-token-provider': 'okta',
    },
  },
  // no access details in the inventory: not a Kubernetes plugin cluster
  'prd-use1-payments-01': {
    podCidr: '10.66.0.0/16',
    serviceCidr: '10.128.32.0/20',
  },
  // the catalog locator of @backstage/plugin-kubernetes-backend 0.21 skips serviceAccount
  'prd-use1-data-01': {
    podCidr: '10.67.0.0/16',
    serviceCidr: '10.128.48.0/20',
    annotations: {
      'kubernetes.io/api-server': 'https://34.120.10.21:6443',
      'kubernetes.io/api-server-certificate-authority': CA,
      'kubernetes.io/auth-provider': 'serviceAccount',
    },
  },
};

describe('Kubernetes plugin interop', () => {
  it("lists the provider's clusters that carry access details through the catalog cluster locator", async () => {
    const repo = TestGitRepository.create();
    try {
      repo.commit('fleet', {
        [profilePath('production')]: profileYaml('production'),
        ...Object.fromEntries(
          Object.entries(clusters).map(([name, options]) => [
            clusterPath(name),
            clusterYaml(name, options),
          ]),
        ),
      });

      // The Kubernetes backend builds its default cluster supplier from
      // kubernetes.clusterLocatorMethods; this module gets hold of it.
      let locator: KubernetesClustersSupplier | undefined;
      const captureLocator = createBackendModule({
        pluginId: 'kubernetes',
        moduleId: 'test-capture-locator',
        register(reg) {
          reg.registerInit({
            deps: { suppliers: kubernetesClusterSupplierExtensionPoint },
            async init({ suppliers }) {
              suppliers.addClusterSupplier(async ({ getDefault }) => {
                locator = await getDefault();
                return locator;
              });
            },
          });
        },
      });

      const catalog = await startCatalogBackend({
        config: {
          catalog: {
            providers: {
              fleetPlatformRepo: { remote: repo.remote, workDir: repo.workDir },
            },
          },
          kubernetes: {
            serviceLocatorMethod: { type: 'multiTenant' },
            clusterLocatorMethods: [
              // internal API server names are allowed explicitly, as a fleet would
              {
                type: 'catalog',
                dangerouslyAllowClusterUrls: ['*.fleet.internal'],
              },
            ],
          },
        },
        features: [kubernetesPlugin, captureLocator],
      });
      await catalog.runTask('FleetPlatformRepoProvider:default:refresh');
      await eventually(async () => {
        for (const name of Object.keys(clusters)) {
          expect(
            await catalog.entity(`resource:default/${name}`),
          ).toBeDefined();
        }
      });

      const details: ClusterDetails[] = await locator!.getClusters({
        credentials: mockCredentials.service(),
      });
      expect(
        details
          .map(({ name, url, caData, authMetadata }) => ({
            name,
            url,
            caData,
            authMetadata,
          }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      ).toEqual([
        {
          name: 'prd-euw1-checkout-01',
          url: 'https://api.prd-euw1-checkout-01.fleet.internal:6443',
          caData: CA,
          authMetadata: clusters['prd-euw1-checkout-01'].annotations,
        },
        {
          name: 'prd-euw1-payments-01',
          url: 'https://34.120.10.20:6443',
          caData: CA,
          authMetadata: clusters['prd-euw1-payments-01'].annotations,
        },
      ]);

      const listed = await catalog.get<{ items: object[] }>(
        '/api/kubernetes/clusters',
      );
      expect(listed!.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            name: 'prd-euw1-payments-01',
            authProvider: 'google',
          }),
          expect.objectContaining({
            name: 'prd-euw1-checkout-01',
            authProvider: 'oidc',
            oidcTokenProvider: 'okta',
          }),
        ]),
      );
      expect(listed!.items).toHaveLength(2);

      await catalog.backend.stop();
    } finally {
      repo.remove();
    }
  });
});
