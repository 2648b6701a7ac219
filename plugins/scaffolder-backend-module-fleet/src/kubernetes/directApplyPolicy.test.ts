import { directApplyProblems } from './directApplyPolicy';

const scope = { namespace: 'checkout-search', createsNamespace: true };
const inNs = (apiVersion: string, kind: string, extra: object = {}) => ({
  apiVersion,
  kind,
  metadata: { name: 'x', namespace: 'checkout-search' },
  ...extra,
});

describe('directApplyProblems', () => {
  it('allows the baseline of the requested namespace', () => {
    expect(
      directApplyProblems(
        [
          {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: 'checkout-search' },
          },
          inNs('v1', 'ResourceQuota'),
          inNs('v1', 'LimitRange'),
          inNs('v1', 'ServiceAccount'),
          inNs('networking.k8s.io/v1', 'NetworkPolicy'),
          inNs('rbac.authorization.k8s.io/v1', 'RoleBinding', {
            roleRef: { kind: 'ClusterRole', name: 'edit' },
          }),
        ],
        scope,
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'a ClusterRole',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'grab' },
      },
      'ClusterRole/grab (ClusterRole of rbac.authorization.k8s.io/v1) is not applied directly: only ResourceQuota, LimitRange, ServiceAccount, NetworkPolicy, RoleBinding objects of the requested namespace, and the Namespace itself when the request creates it',
    ],
    [
      'a ClusterRoleBinding',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRoleBinding',
        metadata: { name: 'grab' },
      },
      'ClusterRoleBinding/grab (ClusterRoleBinding of rbac.authorization.k8s.io/v1) is not applied directly',
    ],
    [
      'a CustomResourceDefinition',
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'x.example.com' },
      },
      'CustomResourceDefinition/x.example.com (CustomResourceDefinition of apiextensions.k8s.io/v1) is not applied directly',
    ],
    [
      'a webhook configuration',
      {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingWebhookConfiguration',
        metadata: { name: 'w' },
      },
      'ValidatingWebhookConfiguration/w (ValidatingWebhookConfiguration of admissionregistration.k8s.io/v1) is not applied directly',
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
      'a Role (outside the allow-list)',
      inNs('rbac.authorization.k8s.io/v1', 'Role'),
      'Role/checkout-search/x (Role of rbac.authorization.k8s.io/v1) is not applied directly',
    ],
    [
      'an object of another namespace',
      {
        ...inNs('v1', 'ResourceQuota'),
        metadata: { name: 'q', namespace: 'kube-system' },
      },
      'ResourceQuota/kube-system/q is in namespace kube-system, not in the requested checkout-search',
    ],
    [
      'an object without a namespace',
      {
        ...inNs('networking.k8s.io/v1', 'NetworkPolicy'),
        metadata: { name: 'np' },
      },
      'NetworkPolicy/np has no metadata.namespace; it must be checkout-search',
    ],
    [
      'a RoleBinding to cluster-admin',
      inNs('rbac.authorization.k8s.io/v1', 'RoleBinding', {
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
      }),
      'RoleBinding/checkout-search/x binds cluster-admin, which is reserved for the platform team',
    ],
    [
      'a document that is no object',
      'kind: nothing',
      'a document is not a Kubernetes object with apiVersion, kind and metadata.name',
    ],
  ])('refuses %s', (_, manifest, problem) => {
    const [found] = directApplyProblems([manifest], scope);
    expect(found.startsWith(problem)).toBe(true);
  });

  it('applies the Namespace object only when the request creates it', () => {
    expect(
      directApplyProblems(
        [
          {
            apiVersion: 'v1',
            kind: 'Namespace',
            metadata: { name: 'checkout-search' },
          },
        ],
        { ...scope, createsNamespace: false },
      ),
    ).toEqual([
      'Namespace/checkout-search is applied only when the request creates the namespace',
    ]);
  });
});
