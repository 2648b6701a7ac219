import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { namespaceHarness, validInput } from './__testUtils__/fixtures';
import { runNamespaceRequest } from './__testUtils__/runRequest';
import { reservedNamespacesFromConfig } from './reservedNamespaces';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

describe('reserved namespace names', () => {
  let harness: ReturnType<typeof namespaceHarness>;
  beforeEach(() => {
    harness = namespaceHarness();
  });
  afterEach(() => harness.repo.remove());

  // a direct (ClickOps) cluster and a production cluster that gets proposals
  const clusters = [
    'resource:default/stg-euw1-checkout-01',
    'resource:default/prd-euw1-checkout-01',
  ];

  it.each(
    [
      'ingress-nginx',
      'istio-system',
      'calico-system',
      'tigera-operator',
    ].flatMap(namespace => clusters.map(cluster => [namespace, cluster])),
  )(
    'refuses the platform namespace %s on %s and writes nothing',
    async (namespace, cluster) => {
      const before = harness.repo.refs();
      await expect(
        runNamespaceRequest(
          validInput({ cluster, namespace, quota: {} }) as any,
          harness.deps,
        ),
      ).rejects.toThrow(
        new InputError(
          `The namespace request is invalid: namespace: "${namespace}" is reserved: it is a platform namespace`,
        ),
      );
      expect(harness.repo.refs()).toBe(before);
    },
  );

  it.each(clusters)(
    'refuses a name reserved in fleetPortal.scaffolder.reservedNamespaces on %s and writes nothing',
    async cluster => {
      const reservedNamespaces = reservedNamespacesFromConfig(
        new ConfigReader({
          fleetPortal: {
            scaffolder: {
              reservedNamespaces: ['shared-tools', 'gitlab-runner'],
            },
          },
        }),
      );
      const before = harness.repo.refs();
      await expect(
        runNamespaceRequest(
          validInput({ cluster, namespace: 'gitlab-runner', quota: {} }) as any,
          { ...harness.deps, reservedNamespaces },
        ),
      ).rejects.toThrow(
        new InputError(
          'The namespace request is invalid: namespace: "gitlab-runner" is reserved: it is a platform namespace',
        ),
      );
      expect(harness.repo.refs()).toBe(before);
    },
  );
});
