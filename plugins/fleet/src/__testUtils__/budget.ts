import type { Entity } from '@backstage/catalog-model';

// A small governed fleet for team-budget tests: a staging cluster of a profile with a team
// budget, tenant namespaces read from the platform repository, one registered elsewhere.

const ORIGIN = 'backstage.io/managed-by-origin-location';
export const REPO = 'fleet-platform-repo:/srv/git/platform-config.git';

export const budgetProfile: Entity = {
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: {
    name: 'non-production',
    namespace: 'default',
    title: 'Non-production',
  },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform-team' }],
  spec: {
    type: 'non-production',
    version: '2.4.0',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    kubernetes: { distribution: 'kubeadm', version: '1.31.4' },
    components: [],
    tenancy: {
      allowedRoles: ['view', 'edit'],
      defaults: {
        quota: { 'requests.cpu': '1', pods: '30' },
        limits: { defaultRequest: { cpu: '50m' }, default: { cpu: '250m' } },
      },
      maximums: { quota: { 'requests.cpu': '8', pods: '200' } },
      teamBudget: { namespaces: 3, quota: { 'requests.cpu': '8' } },
    },
  },
};

export function budgetCluster(name = 'stg-euw1-checkout-01'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: { [ORIGIN]: `${REPO}/clusters/${name}/cluster.yaml` },
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/team-checkout',
      lifecycle: 'experimental',
      profile: 'non-production',
      profileVersion: '2.4.0',
      environment: 'staging',
      environmentGroup: 'non-production',
      region: 'eu-west-1',
      purpose: 'Staging',
      network: { podCidr: '100.64.0.0/17', serviceCidr: '100.80.0.0/21' },
      lifetime: {
        class: 'long-lived',
        created: '2025-01-01',
        reviewBy: '2099-01-01',
      },
    },
  };
}

export function budgetNamespace(
  namespace: string,
  owner: string,
  quota: Record<string, string>,
  options: { cluster?: string; origin?: string; roles?: string[] } = {},
): Entity {
  const cluster = options.cluster ?? 'stg-euw1-checkout-01';
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${cluster}.${namespace}`,
      namespace: 'default',
      title: `${namespace} on ${cluster}`,
      annotations: {
        [ORIGIN]:
          options.origin ??
          `${REPO}/clusters/${cluster}/namespaces/${namespace}/namespace.yaml`,
      },
    },
    spec: {
      type: 'kubernetes-namespace',
      owner,
      lifecycle: 'production',
      cluster,
      namespace,
      quota,
      limits: {
        defaultRequest: { cpu: '50m', memory: '64Mi' },
        default: { cpu: '250m', memory: '256Mi' },
      },
      roles: options.roles ?? ['edit'],
      identityGroup: owner.replace(/^group:default\//, ''),
    },
    relations: [
      {
        type: 'ownedBy',
        targetRef: owner.includes(':') ? owner : `group:default/${owner}`,
      },
    ],
  };
}

export const checkoutGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-checkout', namespace: 'default', title: 'Checkout' },
  spec: { type: 'team', children: [] },
};

/** The fleet: Checkout holds checkout (4 CPU) and search (2 CPU); a namespace from elsewhere claims 50. */
export function budgetFleet(): Entity[] {
  return [
    budgetProfile,
    budgetCluster(),
    checkoutGroup,
    budgetNamespace('checkout', 'group:default/team-checkout', {
      'requests.cpu': '4',
      pods: '100',
    }),
    budgetNamespace('search', 'team-checkout', { 'requests.cpu': '2' }),
    budgetNamespace('payments-sandbox', 'group:default/team-payments', {
      'requests.cpu': '2',
    }),
    budgetNamespace(
      'forged',
      'group:default/team-checkout',
      { 'requests.cpu': '50' },
      {
        origin:
          'url:https://example.com/other/blob/main/clusters/stg-euw1-checkout-01/namespaces/forged/namespace.yaml',
      },
    ),
  ];
}

/** The catalog's entity presentation as the app has it, for the groups of this fleet. */
export const budgetPresentationApi = {
  forEntity(ref: string) {
    const titles: Record<string, string> = {
      'group:default/team-checkout': 'Checkout',
    };
    const snapshot = {
      entityRef: ref,
      primaryTitle: titles[ref] ?? ref.replace(/^group:default\//, ''),
    };
    return { snapshot, promise: Promise.resolve(snapshot) };
  },
};
