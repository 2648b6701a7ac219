import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { validateTenantNamespace } from '@fleet-portal/plugin-fleet-common';
import { createNamespaceRenderAction } from './renderAction';
import { validateRendered } from './validateManifests';
import { renderNamespace } from './renderNamespace';
import { validateNamespaceRequest } from './validateNamespaceRequest';
import {
  DEVON,
  namespaceHarness,
  TODAY,
  validInput,
} from './__testUtils__/fixtures';
import { actionContext } from './__testUtils__/runRequest';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

describe('fleet:namespace:render', () => {
  const harness = namespaceHarness();
  afterAll(() => harness.repo.remove());

  async function render(overrides = {}) {
    const { ctx, outputs } = actionContext(validInput(overrides) as any);
    await createNamespaceRenderAction(harness.deps).handler(ctx);
    return { outputs, workspacePath: ctx.workspacePath as string };
  }

  it('renders the baseline into the platform-repo layout and the workspace', async () => {
    const { outputs, workspacePath } = await render();
    const dir = 'clusters/stg-euw1-checkout-01/namespaces/checkout-search';
    expect(outputs.paths).toEqual([
      `${dir}/namespace.yaml`,
      `${dir}/manifests.yaml`,
    ]);
    expect(outputs.entityRef).toBe(
      'resource:default/stg-euw1-checkout-01.checkout-search',
    );
    expect(outputs.mode).toBe('direct');
    for (const file of outputs.paths) {
      expect(fs.readFileSync(path.join(workspacePath, file), 'utf8')).toBe(
        outputs.files[file],
      );
    }

    const manifests = parseAllDocuments(
      outputs.files[`${dir}/manifests.yaml`],
    ).map(d => d.toJS());
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Namespace/checkout-search',
      'ResourceQuota/tenant-quota',
      'LimitRange/tenant-limits',
      'NetworkPolicy/default-deny-all',
      'NetworkPolicy/allow-same-namespace',
      'NetworkPolicy/allow-dns-egress',
      'NetworkPolicy/allow-ingress-from-envoy-gateway-system',
      'NetworkPolicy/allow-ingress-from-monitoring',
      'RoleBinding/tenant-edit',
    ]);
    const [ns, quota, limits, deny] = manifests;
    expect(ns.metadata.labels).toEqual({
      'fleet-portal.dev/team': 'team-checkout',
      'fleet-portal.dev/environment': 'staging',
      'fleet-portal.dev/cost-center': 'cc-4711',
      'app.kubernetes.io/managed-by': 'fleet-portal',
    });
    // requested values override the profile defaults, the rest are the defaults
    expect(quota.spec.hard).toEqual({
      'requests.cpu': '2',
      'requests.memory': '2Gi',
      'limits.cpu': '4',
      'limits.memory': '4Gi',
      pods: '30',
    });
    expect(limits.spec.limits[0]).toEqual({
      type: 'Container',
      default: { cpu: '250m', memory: '256Mi' },
      defaultRequest: { cpu: '50m', memory: '64Mi' },
    });
    expect(deny.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    });
    const binding = manifests[manifests.length - 1];
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'edit',
    });
    expect(binding.subjects).toEqual([
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: 'team-checkout',
      },
    ]);

    const entity = parse(outputs.files[`${dir}/namespace.yaml`]);
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'stg-euw1-checkout-01.checkout-search',
        title: 'checkout-search on stg-euw1-checkout-01',
      },
      spec: {
        type: 'kubernetes-namespace',
        owner: 'group:default/team-checkout',
        cluster: 'resource:default/stg-euw1-checkout-01',
        namespace: 'checkout-search',
        roles: ['edit'],
        identityGroup: 'team-checkout',
      },
    });
    expect(validateTenantNamespace(entity)).toEqual([]);
  });

  it('produces manifests that validate against the Kubernetes OpenAPI schemas', async () => {
    const request = await validateNamespaceRequest(
      validInput({ roles: ['view', 'edit', 'admin'] }),
      {
        catalog: harness.deps.catalog,
        credentials: {} as any,
        user: DEVON,
        today: TODAY,
      },
    );
    const rendered = renderNamespace(request);
    expect(await validateRendered(rendered)).toEqual([]);
    expect(
      rendered.manifests.filter(m => m.kind === 'RoleBinding'),
    ).toHaveLength(3);
  });

  it('lets kubernetes-models catch what the schemas forbid', async () => {
    const request = await validateNamespaceRequest(validInput(), {
      catalog: harness.deps.catalog,
      credentials: {} as any,
      user: DEVON,
      today: TODAY,
    });
    const rendered = renderNamespace(request);
    delete (rendered.manifests[rendered.manifests.length - 1] as any).roleRef;
    (rendered.manifests[3] as any).spec.policyTypes = 'Ingress';
    const problems = await validateRendered(rendered);
    expect(problems).toEqual([
      'NetworkPolicy default-deny-all: data/spec/policyTypes must be array',
      expect.stringMatching(/^RoleBinding tenant-edit: .*roleRef/),
    ]);
  });

  it('keeps free text as data: a YAML injection attempt in the description stays a string', async () => {
    const description =
      'ok\nkind: ClusterRole\n---\napiVersion: v1\nkind: Secret';
    const { outputs } = await render({ description });
    const file =
      outputs.files[
        'clusters/stg-euw1-checkout-01/namespaces/checkout-search/namespace.yaml'
      ];
    const docs = parseAllDocuments(file);
    expect(docs).toHaveLength(1);
    expect(docs[0].toJS()).toMatchObject({
      kind: 'Resource',
      metadata: { description },
    });
  });

  it('renders nothing into the repository: the remote is untouched', async () => {
    const before = harness.repo.refs();
    await render();
    expect(harness.repo.refs()).toBe(before);
  });
});
