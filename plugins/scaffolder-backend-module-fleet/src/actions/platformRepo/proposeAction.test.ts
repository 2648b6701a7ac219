import { InputError } from '@backstage/errors';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
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
import { createNamespaceRenderAction } from '../namespace/renderAction';
import { createPlatformRepoProposeAction } from './proposeAction';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const NS_DIR = 'clusters/stg-euw1-checkout-01/namespaces/checkout-search';

describe('fleet:platform-repo:propose', () => {
  let harness: ReturnType<typeof namespaceHarness>;
  beforeEach(() => {
    harness = namespaceHarness();
  });
  afterEach(() => harness.repo.remove());

  it('lands a non-production request that allows ClickOps on main, authored as the requester', async () => {
    const { propose, render } = await runNamespaceRequest(
      validInput() as any,
      harness.deps,
    );
    expect(propose).toMatchObject({
      mode: 'direct',
      modeReason: 'profile non-production allows ClickOps on staging clusters',
      branch: 'main',
      files: [`${NS_DIR}/manifests.yaml`, `${NS_DIR}/namespace.yaml`],
      entityRef: 'resource:default/stg-euw1-checkout-01.checkout-search',
      requestedBy: 'user:default/devon.developer',
    });
    const { repo } = harness;
    expect(repo.log('main', '%H')).toBe(propose.commit);
    expect(repo.commitCount()).toBe(2);
    expect(repo.log('main', '%an <%ae>')).toBe(
      'Devon Clarke <devon.developer@acme.example>',
    );
    const message = repo.log('main', '%B');
    expect(message).toContain(
      'Add tenant namespace checkout-search on stg-euw1-checkout-01 for team-checkout',
    );
    expect(message).toContain(
      'Staging namespace for the new checkout search service',
    );
    expect(message).toContain('Requested-by: user:default/devon.developer');
    expect(repo.show('main', `${NS_DIR}/namespace.yaml`)).toBe(
      render.files[`${NS_DIR}/namespace.yaml`],
    );
    expect(repo.branches()).toEqual(['main']);
  });

  it.each([
    [
      'a production cluster',
      'prd-euw1-checkout-01',
      'prd-euw1-checkout-01 is a production cluster',
    ],
    [
      'a regulated profile',
      'reg-euw1-ledger-01',
      'reg-euw1-ledger-01 is a production cluster',
    ],
    [
      'a profile without ClickOps',
      'edg-ber01-store-01',
      'profile edge does not allow ClickOps',
    ],
  ])(
    'proposes a branch for %s and leaves main alone',
    async (_, cluster, reason) => {
      const before = harness.repo.log('main', '%H');
      const roles = cluster.startsWith('reg') ? ['view'] : ['edit'];
      const { propose } = await runNamespaceRequest(
        validInput({
          cluster: `resource:default/${cluster}`,
          roles,
          quota: {},
        }) as any,
        harness.deps,
      );
      expect(propose.mode).toBe('propose');
      expect(propose.modeReason).toBe(reason);
      expect(propose.branch).toBe(`fleet/namespace/${cluster}/3f1c9a27`);
      expect(harness.repo.log('main', '%H')).toBe(before);
      expect(
        harness.repo.has(
          propose.branch,
          `clusters/${cluster}/namespaces/checkout-search/manifests.yaml`,
        ),
      ).toBe(true);
      expect(harness.repo.log(propose.branch, '%an')).toBe('Devon Clarke');
    },
  );

  it('lets exactly one of two concurrent requests for the same namespace win', async () => {
    const outcomes = await Promise.allSettled([
      runNamespaceRequest(
        validInput({ costCenter: 'cc-first' }) as any,
        harness.deps,
        { taskId: 'aaaaaaaa-1' },
      ),
      runNamespaceRequest(
        validInput({ costCenter: 'cc-second' }) as any,
        harness.deps,
        { taskId: 'bbbbbbbb-2' },
      ),
    ]);
    const won = outcomes.filter(o => o.status === 'fulfilled');
    const lost = outcomes.filter(
      (o): o is PromiseRejectedResult => o.status === 'rejected',
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    // lost at the push (ConflictError) or, if the winner was already in, at validation
    expect(lost[0].reason.name).toMatch(/ConflictError|InputError/);
    expect(lost[0].reason.message).toMatch(/already/);
    const { repo } = harness;
    expect(repo.commitCount()).toBe(2);
    const winner = (won[0] as PromiseFulfilledResult<any>).value;
    const manifests = repo.show('main', `${NS_DIR}/manifests.yaml`);
    const entity = repo.show('main', `${NS_DIR}/namespace.yaml`);
    // both files come from the same request
    expect(manifests).toBe(winner.render.files[`${NS_DIR}/manifests.yaml`]);
    expect(entity).toBe(winner.render.files[`${NS_DIR}/namespace.yaml`]);
  });

  it('commits once when a retried task runs the step again (checkpoint)', async () => {
    const checkpoints = new Map<string, unknown>();
    const first = await runNamespaceRequest(validInput() as any, harness.deps, {
      checkpoints,
    });
    const action = createPlatformRepoProposeAction(harness.deps);
    const again = actionContext(
      {
        kind: 'namespace',
        cluster: first.render.clusterRef,
        files: first.render.files,
        integrity: first.render.integrity,
        title: first.render.title,
        reason: 'retry',
      },
      { checkpoints },
    );
    await action.handler(again.ctx);
    expect(again.outputs.commit).toBe(first.propose.commit);
    expect(harness.repo.commitCount()).toBe(2);
  });

  it('only reports what it would do in a dry run', async () => {
    const before = harness.repo.refs();
    const { propose } = await runNamespaceRequest(
      validInput() as any,
      harness.deps,
      { isDryRun: true },
    );
    expect(propose).toMatchObject({
      mode: 'direct',
      branch: 'main',
      commit: '',
    });
    expect(harness.repo.refs()).toBe(before);
  });

  it('keeps a namespace request inside its namespace directory', async () => {
    const action = createPlatformRepoProposeAction(harness.deps);
    const before = harness.repo.refs();
    const { ctx } = actionContext({
      kind: 'namespace',
      cluster: 'resource:default/stg-euw1-checkout-01',
      files: { 'profiles/non-production/profile.yaml': 'clickOps: yes' },
      title: 't',
      reason: 'r',
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      new InputError(
        'files: profiles/non-production/profile.yaml is outside clusters/stg-euw1-checkout-01/namespaces/, where a namespace request may write',
      ),
    );
    expect(harness.repo.refs()).toBe(before);
  });

  it('decides the mode from the catalog, whatever the template passes', async () => {
    const before = harness.repo.log('main', '%H');
    const input = validInput({
      cluster: 'resource:default/prd-euw1-checkout-01',
      quota: {},
    });
    const render = actionContext(input as any);
    await createNamespaceRenderAction(harness.deps).handler(render.ctx);
    const action = createPlatformRepoProposeAction(harness.deps);
    const { ctx, outputs } = actionContext({
      kind: 'namespace',
      cluster: render.outputs.clusterRef,
      files: render.outputs.files,
      integrity: render.outputs.integrity,
      title: 't',
      reason: 'r',
      mode: 'direct',
    });
    await action.handler(ctx);
    expect(outputs.mode).toBe('propose');
    expect(outputs.branch).toBe(
      'fleet/namespace/prd-euw1-checkout-01/3f1c9a27',
    );
    expect(harness.repo.log('main', '%H')).toBe(before);
  });

  it('proposes only on a branch of the request, never on main or another branch', async () => {
    const input = validInput({
      cluster: 'resource:default/prd-euw1-checkout-01',
      quota: {},
    });
    const render = actionContext(input as any);
    await createNamespaceRenderAction(harness.deps).handler(render.ctx);
    const action = createPlatformRepoProposeAction(harness.deps);
    const before = harness.repo.refs();
    for (const branch of ['main', 'release/2026', 'fleet/namespace/other']) {
      const { ctx } = actionContext({
        kind: 'namespace',
        cluster: render.outputs.clusterRef,
        files: render.outputs.files,
        integrity: render.outputs.integrity,
        title: 't',
        reason: 'r',
        branch,
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        new InputError(
          `branch: ${branch} is not a branch of this request; a proposal goes to fleet/namespace/prd-euw1-checkout-01 or a branch below it`,
        ),
      );
    }
    expect(harness.repo.refs()).toBe(before);
  });
});

describe('fleet:platform-repo:propose with server-side apply', () => {
  const TOKEN = 'sa-token-4f0c2b7d9e1a';
  let fake: FakeKubernetesApi;
  let url: string;
  beforeEach(async () => {
    fake = new FakeKubernetesApi(TOKEN);
    url = await fake.start();
  });
  afterEach(() => fake.stop());

  function applierConfig(enabled: boolean) {
    return new ConfigReader({
      fleetPortal: { scaffolder: { applyDirectChanges: enabled } },
      kubernetes: {
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'stg-euw1-checkout-01',
                url,
                authProvider: 'serviceAccount',
                serviceAccountToken: TOKEN,
                skipTLSVerify: true,
              },
            ],
          },
        ],
      },
    });
  }

  it('applies the manifests of a direct change with the configured credentials, which never show up in logs or outputs', async () => {
    const harness = namespaceHarness();
    try {
      const logs: string[] = [];
      const applier = KubernetesApplier.fromConfig(applierConfig(true));
      const result = await runNamespaceRequest(
        validInput() as any,
        { ...harness.deps, applier },
        { logs },
      );
      expect(result.propose.applied).toEqual([
        'Namespace/checkout-search',
        'ResourceQuota/checkout-search/tenant-quota',
        'LimitRange/checkout-search/tenant-limits',
        'NetworkPolicy/checkout-search/default-deny-all',
        'NetworkPolicy/checkout-search/allow-same-namespace',
        'NetworkPolicy/checkout-search/allow-dns-egress',
        'NetworkPolicy/checkout-search/allow-ingress-from-envoy-gateway-system',
        'NetworkPolicy/checkout-search/allow-ingress-from-monitoring',
        'RoleBinding/checkout-search/tenant-edit',
      ]);
      expect(fake.applies.map(r => r.path)).toEqual([
        '/api/v1/namespaces/checkout-search',
        '/api/v1/namespaces/checkout-search/resourcequotas/tenant-quota',
        '/api/v1/namespaces/checkout-search/limitranges/tenant-limits',
        '/apis/networking.k8s.io/v1/namespaces/checkout-search/networkpolicies/default-deny-all',
        '/apis/networking.k8s.io/v1/namespaces/checkout-search/networkpolicies/allow-same-namespace',
        '/apis/networking.k8s.io/v1/namespaces/checkout-search/networkpolicies/allow-dns-egress',
        '/apis/networking.k8s.io/v1/namespaces/checkout-search/networkpolicies/allow-ingress-from-envoy-gateway-system',
        '/apis/networking.k8s.io/v1/namespaces/checkout-search/networkpolicies/allow-ingress-from-monitoring',
        '/apis/rbac.authorization.k8s.io/v1/namespaces/checkout-search/rolebindings/tenant-edit',
      ]);
      for (const request of fake.applies) {
        expect(request.contentType).toBe('application/apply-patch+yaml');
        expect(request.query.fieldManager).toBe('fleet-portal');
        // no conflicts override: the namespace is new, nobody else manages its objects
        expect(request.query.force).toBeUndefined();
        expect(request.authorization).toBe(`Bearer ${TOKEN}`);
      }
      // what was applied is what is in Git
      const inGit = harness.repo.show('main', `${NS_DIR}/manifests.yaml`);
      expect(fake.applies[0].body).toEqual(parse(inGit.split('---\n')[0]));

      const everything = JSON.stringify([result, logs]);
      expect(
        logs.some(l =>
          l.includes(
            'Applied Namespace/checkout-search to cluster stg-euw1-checkout-01',
          ),
        ),
      ).toBe(true);
      expect(everything).not.toContain(TOKEN);
    } finally {
      harness.repo.remove();
    }
  });

  it('never applies a proposal', async () => {
    const harness = namespaceHarness();
    try {
      const applier = KubernetesApplier.fromConfig(applierConfig(true));
      const { propose } = await runNamespaceRequest(
        validInput({
          cluster: 'resource:default/prd-euw1-checkout-01',
          quota: {},
        }) as any,
        { ...harness.deps, applier },
      );
      expect(propose.mode).toBe('propose');
      expect(propose.applied).toBeUndefined();
      expect(fake.requests).toEqual([]);
    } finally {
      harness.repo.remove();
    }
  });

  it('does not apply unless configured', async () => {
    const harness = namespaceHarness();
    try {
      const applier = KubernetesApplier.fromConfig(applierConfig(false));
      const { propose } = await runNamespaceRequest(validInput() as any, {
        ...harness.deps,
        applier,
      });
      expect(propose.mode).toBe('direct');
      expect(propose.applied).toBeUndefined();
      expect(fake.requests).toEqual([]);
    } finally {
      harness.repo.remove();
    }
  });

  it('reports a failed apply without the credential', async () => {
    const applier = new KubernetesApplier(
      true,
      new Map([
        ['c1', { name: 'c1', url, serviceAccountToken: `${TOKEN}-wrong` }],
      ]),
    );
    const logs: string[] = [];
    const error = await applier
      .apply(
        'c1',
        [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }],
        {
          logger: { info: (m: string) => logs.push(m) } as any,
          scope: { namespace: 'x', createsNamespace: true },
        },
      )
      .catch(e => e);
    expect(error.message).toMatch(
      /^Server-side apply of Namespace\/x to cluster c1 failed/,
    );
    expect(JSON.stringify([error.message, error.stack, logs])).not.toContain(
      TOKEN,
    );
  });
});
