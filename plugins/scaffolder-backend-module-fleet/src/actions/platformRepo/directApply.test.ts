import { ConfigReader } from '@backstage/config';
import {
  ConflictError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { stringify } from 'yaml';
import { renderRecord } from '../../integrity/renderRecord';
import { KubernetesApplier } from '../../kubernetes/KubernetesApplier';
import { FakeKubernetesApi } from '../../kubernetes/__testUtils__/fakeKubernetesApi';
import {
  namespaceHarness,
  validInput,
} from '../namespace/__testUtils__/fixtures';
import {
  actionContext,
  runNamespaceRequest,
} from '../namespace/__testUtils__/runRequest';
import { createPlatformRepoProposeAction } from './proposeAction';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const TOKEN = 'sa-token-91c3e07d5b2a';
const CLUSTER = 'stg-euw1-checkout-01';
const NS = 'checkout-search';
const NS_DIR = `clusters/${CLUSTER}/namespaces/${NS}`;
const TASK = '3f1c9a27-aaaa-bbbb-cccc-000000000001';

describe('direct apply of a namespace request (Kubernetes API fake)', () => {
  let fake: FakeKubernetesApi;
  let applier: KubernetesApplier;
  let harness: ReturnType<typeof namespaceHarness>;
  beforeEach(async () => {
    fake = new FakeKubernetesApi(TOKEN);
    const url = await fake.start();
    applier = KubernetesApplier.fromConfig(
      new ConfigReader({
        fleetPortal: { scaffolder: { applyDirectChanges: true } },
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: CLUSTER,
                  url,
                  authProvider: 'serviceAccount',
                  serviceAccountToken: TOKEN,
                  // the fake speaks plain HTTP
                  skipTLSVerify: true,
                },
              ],
            },
          ],
        },
      }),
    );
    harness = namespaceHarness();
  });
  afterEach(async () => {
    harness.repo.remove();
    await fake.stop();
  });

  it('refuses a namespace that already exists on the cluster: nothing committed, nothing applied', async () => {
    fake.namespaces.add(NS);
    const before = harness.repo.refs();
    const attempt = runNamespaceRequest(validInput() as any, {
      ...harness.deps,
      applier,
    });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      `Namespace ${NS} already exists on cluster ${CLUSTER}; a request may only create a namespace the cluster does not have. Nothing was committed`,
    );
    expect(harness.repo.refs()).toBe(before);
    expect(fake.applies).toEqual([]);
    expect(fake.requests.map(r => `${r.method} ${r.path}`)).toContain(
      `GET /api/v1/namespaces/${NS}`,
    );
  });

  it.each([403, 500])(
    'refuses when the cluster cannot tell whether the namespace exists (%s)',
    async status => {
      fake.namespaceReadStatus = status;
      const before = harness.repo.refs();
      const error = await runNamespaceRequest(validInput() as any, {
        ...harness.deps,
        applier,
      }).catch(e => e);
      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(error.message).toBe(
        `Cannot verify whether namespace ${NS} exists on cluster ${CLUSTER}: the API server answered ${status}; the request is refused, nothing was committed`,
      );
      expect(JSON.stringify([error.message, error.stack])).not.toContain(TOKEN);
      expect(harness.repo.refs()).toBe(before);
      expect(fake.applies).toEqual([]);
    },
  );

  // What render produces is only the baseline of the one namespace; these manifests stand for a
  // renderer defect (or a future renderer) that the render record would faithfully carry.
  it.each([
    [
      'a ClusterRoleBinding',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'grab' },
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      },
      'ClusterRoleBinding/grab (ClusterRoleBinding of rbac.authorization.k8s.io/v1) is not applied directly',
    ],
    [
      'a CustomResourceDefinition',
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'things.example.com' },
      },
      'CustomResourceDefinition/things.example.com (CustomResourceDefinition of apiextensions.k8s.io/v1) is not applied directly',
    ],
    [
      'another Namespace',
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'istio-system' },
      },
      'Namespace/istio-system is another namespace than the requested checkout-search',
    ],
    [
      'an object of another namespace',
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'allow-all', namespace: 'ingress-nginx' },
        spec: { podSelector: {} },
      },
      'NetworkPolicy/ingress-nginx/allow-all is in namespace ingress-nginx, not in the requested checkout-search',
    ],
  ])(
    'refuses %s before anything is committed or applied',
    async (_, manifest, problem) => {
      const files = {
        [`${NS_DIR}/namespace.yaml`]: 'kind: Resource\n',
        [`${NS_DIR}/manifests.yaml`]: [
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
          manifest,
        ]
          .map(m => stringify(m))
          .join('---\n'),
      };
      const integrity = harness.deps.seal.seal(
        renderRecord({
          task: TASK,
          kind: 'namespace',
          cluster: CLUSTER,
          namespace: NS,
          mode: 'direct',
          entityRef: `resource:default/${CLUSTER}.${NS}`,
          files,
          applyFiles: [`${NS_DIR}/manifests.yaml`],
        }),
      );
      const before = harness.repo.refs();
      const { ctx } = actionContext(
        {
          kind: 'namespace',
          cluster: `resource:default/${CLUSTER}`,
          files,
          integrity,
          title: 't',
          reason: 'r',
        },
        { taskId: TASK },
      );
      const error = await createPlatformRepoProposeAction({
        ...harness.deps,
        applier,
      })
        .handler(ctx)
        .catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toContain(
        `Direct apply to cluster ${CLUSTER} refused, nothing was committed: ${problem}`,
      );
      expect(harness.repo.refs()).toBe(before);
      expect(fake.requests).toEqual([]);
    },
  );

  it('the applier itself refuses cluster-scoped objects and other namespaces without calling the cluster', async () => {
    const error = await applier
      .apply(
        CLUSTER,
        [
          {
            apiVersion: 'rbac.authorization.k8s.io/v1',
            kind: 'ClusterRole',
            metadata: { name: 'grab' },
          },
          {
            apiVersion: 'v1',
            kind: 'ResourceQuota',
            metadata: { name: 'q', namespace: 'kube-system' },
          },
        ],
        {
          logger: { info: () => {} } as any,
          scope: { namespace: NS, createsNamespace: true },
        },
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toMatch(
      /^Direct apply to cluster stg-euw1-checkout-01 refused: ClusterRole\/grab .*; ResourceQuota\/kube-system\/q is in namespace kube-system, not in the requested checkout-search$/,
    );
    expect(fake.requests).toEqual([]);
  });
});
