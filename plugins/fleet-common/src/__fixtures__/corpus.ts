import type { Entity } from '@backstage/catalog-model';

/**
 * Entities with the outcome of validateFleetEntity: no issues, or an issue whose
 * message contains `message`. Shared with the catalog module's processor tests.
 */
export type CorpusCase =
  | { name: string; entity: Entity; valid: true }
  | { name: string; entity: Entity; valid: false; message: string };

type Patch = { [key: string]: unknown };

/** A deep copy of `base` with `patch` merged in; an undefined value removes the field. */
function merge<T>(base: T, patch: Patch): T {
  const copy = structuredClone(base) as Patch;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      delete copy[key];
    } else if (isPlainObject(value) && isPlainObject(copy[key])) {
      copy[key] = merge(copy[key], value);
    } else {
      copy[key] = value;
    }
  }
  return copy as T;
}

function isPlainObject(value: unknown): value is Patch {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const governedCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'prd-euw1-payments-01',
    description: 'Payments platform, EU',
    annotations: {
      'fleet-portal.dev/source': 'platform-repo',
      'fleet-portal.dev/source-file': 'clusters/prd-euw1-payments-01.yaml',
      'fleet-portal.dev/governed': 'true',
    },
  },
  spec: {
    type: 'kubernetes-cluster',
    owner: 'group:default/team-payments',
    lifecycle: 'production',
    purpose: 'Runs the payments services for EU customers',
    profile: 'production',
    profileVersion: '3.2.0',
    environment: 'production',
    environmentGroup: 'production',
    region: 'eu-west-1',
    site: 'fra-dc2',
    network: {
      podCidr: '10.64.0.0/16',
      serviceCidr: '10.96.0.0/20',
      nodeCidr: '10.10.0.0/24',
    },
    lifetime: {
      class: 'long-lived',
      created: '2024-03-01',
      reviewBy: '2025-03-01',
      retireBy: '2027-03-01',
    },
    nodes: { controlPlane: 3, workers: 6 },
  },
};

export const portainerCluster: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'edge-store-0042',
    annotations: { 'fleet-portal.dev/source': 'portainer' },
  },
  spec: {
    type: 'kubernetes-cluster',
    owner: 'group:default/retail-ops',
  },
};

const baseComponents = [
  { name: 'cilium', role: 'cni', version: '1.16.5', chart: 'cilium/cilium' },
  {
    name: 'cert-manager',
    role: 'tls',
    version: 'v1.16.2',
    chart: 'jetstack/cert-manager',
  },
];

export const clusterProfile: Entity = {
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: {
    name: 'production',
    annotations: {
      'fleet-portal.dev/source': 'platform-repo',
      'fleet-portal.dev/source-file': 'profiles/production.yaml',
    },
  },
  spec: {
    type: 'production',
    version: '3.2.0',
    allowedVersions: ['3.1.0'],
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    summary: 'HA, GitOps-only, enforcing admission',
    kubernetes: {
      distribution: 'talos',
      version: '1.31.4',
      allowedRange: '>=1.30.0 <1.32.0',
    },
    components: [
      ...baseComponents,
      {
        name: 'kyverno',
        role: 'admission',
        version: '3.3.4',
        chart: 'kyverno/kyverno',
      },
    ],
    storageClasses: {
      default: 'fast-ssd',
      available: ['fast-ssd', 'standard-hdd'],
    },
    admission: { controller: 'kyverno', mode: 'enforce' },
    clickOps: { allowed: false },
    auditLogging: true,
    tenancy: {
      defaults: {
        quota: {
          'requests.cpu': '2',
          'requests.memory': '4Gi',
          'limits.cpu': '4',
          'limits.memory': '8Gi',
          pods: '50',
        },
        limits: {
          defaultRequest: { cpu: '100m', memory: '128Mi' },
          default: { cpu: '500m', memory: '512Mi' },
        },
      },
      maximums: {
        quota: {
          'requests.cpu': '16',
          'requests.memory': '64Gi',
          'limits.cpu': '32',
          'limits.memory': '128Gi',
          pods: '500',
        },
      },
      allowedRoles: ['view', 'edit'],
      networkPolicy: {
        allowSameNamespace: true,
        allowDnsEgress: true,
        allowIngressFromNamespaces: ['ingress-system'],
      },
    },
    network: {
      podPools: ['10.64.0.0/10'],
      servicePools: ['10.128.0.0/12'],
      podPrefix: 16,
      servicePrefix: 20,
    },
    naming: {
      pattern: '^prd-[a-z]{2,4}[0-9]-[a-z][a-z0-9]{1,14}-[0-9]{2}$',
      example: 'prd-euw1-payments-01',
    },
    review: { intervalMonths: 12, maxLifetimeDays: 365 },
    nodes: {
      controlPlane: { min: 3, max: 5 },
      workers: { min: 3, max: 100 },
    },
    provisioner: { type: 'cluster-api', clusterClass: 'talos-ha-v3' },
  },
};

export const tenantNamespace: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'prd-euw1-payments-01.checkout',
    title: 'checkout on prd-euw1-payments-01',
  },
  spec: {
    type: 'kubernetes-namespace',
    owner: 'group:default/team-checkout',
    lifecycle: 'production',
    cluster: 'prd-euw1-payments-01',
    namespace: 'checkout',
    quota: {
      'requests.cpu': '2',
      'requests.memory': '4Gi',
      'limits.cpu': '4',
      'limits.memory': '8Gi',
      pods: '50',
    },
    limits: {
      defaultRequest: { cpu: '100m', memory: '128Mi' },
      default: { cpu: '500m', memory: '512Mi' },
    },
    roles: ['edit'],
    identityGroup: 'team-checkout',
  },
};

const cluster = (spec: Patch, metadata: Patch = {}) =>
  merge(governedCluster, { spec, metadata });
const otherSource = (spec: Patch) => merge(portainerCluster, { spec });
const profile = (spec: Patch) => merge(clusterProfile, { spec });
const namespace = (spec: Patch, metadata: Patch = {}) =>
  merge(tenantNamespace, { spec, metadata });
const components = (kyvernoVersion: string) => [
  ...baseComponents,
  { name: 'kyverno', role: 'admission', version: kyvernoVersion },
];

const validCases: CorpusCase[] = [
  { name: 'governed production cluster', entity: governedCluster, valid: true },
  {
    name: 'governed project cluster with retireBy and no reviewBy',
    entity: cluster({
      lifetime: {
        class: 'project',
        reviewBy: undefined,
        retireBy: '2024-09-01',
      },
    }),
    valid: true,
  },
  {
    name: 'governed IPv6 cluster without nodeCidr',
    entity: cluster({
      network: {
        podCidr: 'fd00:10:0:100::/56',
        serviceCidr: 'fd00:20::/108',
        nodeCidr: undefined,
      },
    }),
    valid: true,
  },
  {
    name: 'governed cluster with owner user ref and qualified profile ref',
    entity: cluster({
      owner: 'user:default/jane.doe',
      profile: 'clusterprofile:default/production',
    }),
    valid: true,
  },
  {
    name: 'Portainer cluster without fleet fields',
    entity: portainerCluster,
    valid: true,
  },
  {
    name: 'Open Cluster Management cluster with some fleet fields',
    entity: merge(portainerCluster, {
      metadata: {
        name: 'ocm-hub-spoke-3',
        annotations: { 'fleet-portal.dev/source': 'open-cluster-management' },
      },
      spec: {
        environment: 'staging',
        region: 'eu-central-1',
        network: { podCidr: '10.200.0.0/16' },
      },
    }),
    valid: true,
  },
  {
    name: 'cluster annotated as not governed needs no governed set',
    entity: cluster(
      { purpose: undefined, profile: undefined },
      { annotations: { 'fleet-portal.dev/governed': 'false' } },
    ),
    valid: true,
  },
  { name: 'production cluster profile', entity: clusterProfile, valid: true },
  {
    name: 'edge profile with only the required fields',
    entity: {
      apiVersion: 'fleet-portal.dev/v1alpha1',
      kind: 'ClusterProfile',
      metadata: { name: 'edge' },
      spec: {
        type: 'edge',
        version: '1.0.0',
        owner: 'platform-team',
        lifecycle: 'experimental',
        kubernetes: { distribution: 'k3s', version: '1.31.4+k3s1' },
        components: [{ name: 'flannel', version: 'v0.26.1' }],
      },
    },
    valid: true,
  },
  {
    name: 'profile with exact Ei quota maximums and IPv6 pools',
    entity: profile({
      tenancy: {
        maximums: {
          quota: {
            'requests.memory': '1Ei',
            'limits.memory': '1152921504606846976',
          },
        },
      },
      network: {
        podPools: ['fd00:10::/48'],
        servicePools: ['fd00:20::/100'],
        podPrefix: 56,
        servicePrefix: 108,
      },
    }),
    valid: true,
  },
  { name: 'tenant namespace', entity: tenantNamespace, valid: true },
  {
    name: 'tenant namespace with a qualified cluster ref',
    entity: namespace({ cluster: 'resource:default/prd-euw1-payments-01' }),
    valid: true,
  },
];

const clusterCases: CorpusCase[] = [
  {
    name: 'pod CIDR prefix out of range',
    entity: cluster({ network: { podCidr: '10.0.0.0/33' } }),
    valid: false,
    message: 'spec.network.podCidr: 10.0.0.0/33 is not a valid IPv4 CIDR',
  },
  {
    name: 'pod CIDR with host bits set',
    entity: cluster({ network: { podCidr: '10.64.1.0/16' } }),
    valid: false,
    message:
      'spec.network.podCidr: 10.64.1.0/16 has host bits set; the network address would be 10.64.0.0/16',
  },
  {
    name: 'invalid IPv6 pod CIDR',
    entity: cluster({ network: { podCidr: 'fd00::zz/56' } }),
    valid: false,
    message: 'spec.network.podCidr: fd00::zz/56 is not a valid IPv6 CIDR',
  },
  {
    name: 'service CIDR without prefix length',
    entity: cluster({ network: { serviceCidr: '10.96.0.0' } }),
    valid: false,
    message: 'spec.network.serviceCidr: "10.96.0.0" is not a CIDR',
  },
  {
    name: 'service CIDR inside the pod CIDR',
    entity: cluster({ network: { serviceCidr: '10.64.16.0/20' } }),
    valid: false,
    message:
      'spec.network.serviceCidr: 10.64.16.0/20 overlaps spec.network.podCidr (10.64.0.0/16)',
  },
  {
    name: 'node CIDR inside the service CIDR',
    entity: cluster({ network: { nodeCidr: '10.96.1.0/24' } }),
    valid: false,
    message:
      'spec.network.nodeCidr: 10.96.1.0/24 overlaps spec.network.serviceCidr (10.96.0.0/20)',
  },
  {
    name: 'review date that is not a calendar date',
    entity: cluster({ lifetime: { reviewBy: '2025-02-30' } }),
    valid: false,
    message:
      'spec.lifetime.reviewBy: 2025-02-30 is not a valid date (YYYY-MM-DD)',
  },
  {
    name: 'created date in another format',
    entity: cluster({ lifetime: { created: '01.03.2024' } }),
    valid: false,
    message:
      'spec.lifetime.created: 01.03.2024 is not a valid date (YYYY-MM-DD)',
  },
  {
    name: 'review before creation',
    entity: cluster({ lifetime: { reviewBy: '2024-01-01' } }),
    valid: false,
    message:
      'spec.lifetime.reviewBy: 2024-01-01 must be after spec.lifetime.created (2024-03-01)',
  },
  {
    name: 'retirement on the creation day',
    entity: cluster({ lifetime: { retireBy: '2024-03-01' } }),
    valid: false,
    message:
      'spec.lifetime.retireBy: 2024-03-01 must be after spec.lifetime.created (2024-03-01)',
  },
  {
    name: 'project cluster without retireBy',
    entity: cluster({ lifetime: { class: 'project', retireBy: undefined } }),
    valid: false,
    message:
      'spec.lifetime.retireBy: is required when spec.lifetime.class is project',
  },
  {
    name: 'unknown lifecycle',
    entity: cluster({ lifecycle: 'prod' }),
    valid: false,
    message:
      'spec.lifecycle: must be one of production, experimental, deprecated (got "prod")',
  },
  {
    name: 'unknown environment',
    entity: cluster({ environment: 'prod' }),
    valid: false,
    message:
      'spec.environment: must be one of production, staging, development, test, edge',
  },
  {
    name: 'unknown lifetime class',
    entity: cluster({ lifetime: { class: 'temporary' } }),
    valid: false,
    message: 'spec.lifetime.class: must be one of long-lived, project',
  },
  {
    name: 'typo in a network field',
    entity: otherSource({ network: { podCIDR: '10.64.0.0/16' } }),
    valid: false,
    message:
      'spec.network.podCIDR: unknown field (allowed: podCidr, serviceCidr, nodeCidr)',
  },
  {
    name: 'worker count as a string',
    entity: cluster({ nodes: { workers: '6' } }),
    valid: false,
    message: 'spec.nodes.workers: must be an integer (got "6")',
  },
  {
    name: 'profile version that is not semver',
    entity: cluster({ profileVersion: '3.2' }),
    valid: false,
    message: 'spec.profileVersion: "3.2" is not a semantic version',
  },
  {
    name: 'malformed owner ref',
    entity: cluster({ owner: 'group:' }),
    valid: false,
    message: 'spec.owner: "group:" is not a valid entity reference',
  },
  {
    name: 'owner ref to a component',
    entity: cluster({ owner: 'component:default/payments' }),
    valid: false,
    message:
      'spec.owner: "component:default/payments" must reference a group or user',
  },
  {
    name: 'profile ref to a resource',
    entity: cluster({ profile: 'resource:production' }),
    valid: false,
    message:
      'spec.profile: "resource:production" must reference a ClusterProfile',
  },
  {
    name: 'other-source cluster with an empty region',
    entity: otherSource({ region: '' }),
    valid: false,
    message: 'spec.region: must not be empty',
  },
  {
    name: 'other-source cluster with a host-bits pod CIDR',
    entity: otherSource({ network: { podCidr: 'fd00:10::1/64' } }),
    valid: false,
    message:
      'spec.network.podCidr: fd00:10::1/64 has host bits set; the network address would be fd00:10::/64',
  },
  {
    name: 'governed cluster without purpose',
    entity: cluster({ purpose: undefined }),
    valid: false,
    message: 'spec.purpose: is required for a governed cluster',
  },
  {
    name: 'governed long-lived cluster without reviewBy',
    entity: cluster({ lifetime: { reviewBy: undefined } }),
    valid: false,
    message: 'spec.lifetime.reviewBy: is required for a governed cluster',
  },
  {
    name: 'governed cluster without service CIDR',
    entity: cluster({ network: { serviceCidr: undefined } }),
    valid: false,
    message: 'spec.network.serviceCidr: is required for a governed cluster',
  },
  {
    name: 'governed cluster whose name is not a DNS-1123 label',
    entity: cluster({}, { name: 'PRD_payments' }),
    valid: false,
    message: `metadata.name: "PRD_payments" must be lowercase letters, digits and '-'`,
  },
];

const profileCases: CorpusCase[] = [
  {
    name: 'component pinned to latest',
    entity: profile({ components: components('latest') }),
    valid: false,
    message:
      'spec.components[2].version: "latest" is not an explicit version pin',
  },
  {
    name: 'component with a caret range',
    entity: profile({ components: components('^1.2') }),
    valid: false,
    message:
      'spec.components[2].version: "^1.2" is not an explicit version pin',
  },
  {
    name: 'component with a lower bound',
    entity: profile({ components: components('>=1') }),
    valid: false,
    message: 'spec.components[2].version: ">=1" is not an explicit version pin',
  },
  {
    name: 'component with an x-range',
    entity: profile({ components: components('1.x') }),
    valid: false,
    message: 'spec.components[2].version: "1.x" is not an explicit version pin',
  },
  {
    name: 'component with a wildcard',
    entity: profile({ components: components('*') }),
    valid: false,
    message: 'spec.components[2].version: "*" is not an explicit version pin',
  },
  {
    name: 'component with an empty version',
    entity: profile({ components: components('') }),
    valid: false,
    message: 'spec.components[2].version: "" is not an explicit version pin',
  },
  {
    name: 'component listed twice',
    entity: profile({
      components: [
        ...components('3.3.4'),
        { name: 'cilium', version: '1.16.4' },
      ],
    }),
    valid: false,
    message: 'spec.components[3].name: cilium is listed more than once',
  },
  {
    name: 'profile whose own version is not semver',
    entity: profile({ version: 'v3' }),
    valid: false,
    message: 'spec.version: "v3" is not a semantic version',
  },
  {
    name: 'allowed version newer than the current one',
    entity: profile({ allowedVersions: ['3.1.0', '3.3.0'] }),
    valid: false,
    message:
      'spec.allowedVersions[1]: 3.3.0 must be older than spec.version (3.2.0)',
  },
  {
    name: 'Kubernetes version outside the allowed range',
    entity: profile({ kubernetes: { version: '1.32.1' } }),
    valid: false,
    message:
      'spec.kubernetes.version: 1.32.1 is outside spec.kubernetes.allowedRange (>=1.30.0 <1.32.0)',
  },
  {
    name: 'allowed range that is not a semver range',
    entity: profile({ kubernetes: { allowedRange: 'newest' } }),
    valid: false,
    message: 'spec.kubernetes.allowedRange: "newest" is not a semver range',
  },
  {
    name: 'default storage class that is not available',
    entity: profile({ storageClasses: { default: 'shared-nfs' } }),
    valid: false,
    message:
      'spec.storageClasses.default: shared-nfs is not among spec.storageClasses.available (fast-ssd, standard-hdd)',
  },
  {
    name: 'default quota above the maximum',
    entity: profile({
      tenancy: { defaults: { quota: { 'requests.cpu': '32' } } },
    }),
    valid: false,
    message:
      'spec.tenancy.defaults.quota["requests.cpu"]: default 32 exceeds the maximum 16 (spec.tenancy.maximums.quota["requests.cpu"])',
  },
  {
    name: 'default memory quota above the maximum in other units',
    entity: profile({
      tenancy: { defaults: { quota: { 'limits.memory': '131073Mi' } } },
    }),
    valid: false,
    message:
      'spec.tenancy.defaults.quota["limits.memory"]: default 131073Mi exceeds the maximum 128Gi',
  },
  {
    name: 'maximum quota that is not a quantity',
    entity: profile({
      tenancy: { maximums: { quota: { 'requests.cpu': '10 cpus' } } },
    }),
    valid: false,
    message:
      'spec.tenancy.maximums.quota["requests.cpu"]: "10 cpus" is not a Kubernetes quantity',
  },
  {
    name: 'default request above the default limit',
    entity: profile({
      tenancy: { defaults: { limits: { defaultRequest: { cpu: '1' } } } },
    }),
    valid: false,
    message:
      'spec.tenancy.defaults.limits.defaultRequest.cpu: default request 1 exceeds the default limit 500m (spec.tenancy.defaults.limits.default.cpu)',
  },
  {
    name: 'tenants allowed cluster-admin',
    entity: profile({ tenancy: { allowedRoles: ['view', 'cluster-admin'] } }),
    valid: false,
    message:
      'spec.tenancy.allowedRoles[1]: cluster-admin is reserved for the platform team',
  },
  {
    name: 'typo in a tenancy field',
    entity: profile({ tenancy: { networkpolicy: { allowDnsEgress: true } } }),
    valid: false,
    message:
      'spec.tenancy.networkpolicy: unknown field (allowed: defaults, maximums, teamBudget, allowedRoles, networkPolicy)',
  },
  {
    name: 'typo in a top-level profile field',
    entity: profile({ storageClass: 'fast-ssd' }),
    valid: false,
    message: 'spec.storageClass: unknown field',
  },
  {
    name: 'pod prefix larger than the pod pool',
    entity: profile({ network: { podPrefix: 8 } }),
    valid: false,
    message:
      'spec.network.podPrefix: /8 does not fit inside spec.network.podPools[0] (10.64.0.0/10): it must be from 10 to 32',
  },
  {
    name: 'service prefix beyond an IPv4 address',
    entity: profile({ network: { servicePrefix: 40 } }),
    valid: false,
    message:
      'spec.network.servicePrefix: /40 does not fit inside spec.network.servicePools[0] (10.128.0.0/12)',
  },
  {
    name: 'service pool overlapping the pod pool',
    entity: profile({ network: { servicePools: ['10.96.0.0/12'] } }),
    valid: false,
    message:
      'spec.network.servicePools[0]: 10.96.0.0/12 overlaps spec.network.podPools[0] (10.64.0.0/10)',
  },
  {
    name: 'pod pool with host bits set',
    entity: profile({ network: { podPools: ['10.65.0.0/10'] } }),
    valid: false,
    message:
      'spec.network.podPools[0]: 10.65.0.0/10 has host bits set; the network address would be 10.64.0.0/10',
  },
  {
    name: 'naming pattern that is not a regular expression',
    entity: profile({ naming: { pattern: '^prd-[a-z$' } }),
    valid: false,
    message:
      'spec.naming.pattern: ^prd-[a-z$ is not a valid regular expression',
  },
  {
    name: 'naming pattern without anchors',
    entity: profile({ naming: { pattern: 'prd-[a-z0-9-]+' } }),
    valid: false,
    message:
      'spec.naming.pattern: prd-[a-z0-9-]+ must be anchored with ^ and $',
  },
  {
    name: 'naming example that does not match the pattern',
    entity: profile({ naming: { example: 'prd-payments-01' } }),
    valid: false,
    message:
      'spec.naming.example: prd-payments-01 does not match spec.naming.pattern',
  },
  {
    name: 'worker minimum above the maximum',
    entity: profile({ nodes: { workers: { min: 10, max: 5 } } }),
    valid: false,
    message: 'spec.nodes.workers.min: 10 is greater than max (5)',
  },
  {
    name: 'unknown profile type',
    entity: profile({ type: 'prod' }),
    valid: false,
    message:
      'spec.type: must be one of production, non-production, edge, regulated',
  },
  {
    name: 'unknown admission mode',
    entity: profile({ admission: { mode: 'warn' } }),
    valid: false,
    message: 'spec.admission.mode: must be one of enforce, audit (got "warn")',
  },
  {
    name: 'review interval longer than a year',
    entity: profile({ review: { intervalMonths: 24 } }),
    valid: false,
    message: 'spec.review.intervalMonths: must be <= 12 (got 24)',
  },
  {
    name: 'profile without Kubernetes pin',
    entity: profile({ kubernetes: undefined }),
    valid: false,
    message: 'spec.kubernetes: is required',
  },
];

const namespaceCases: CorpusCase[] = [
  {
    name: 'Kubernetes system namespace',
    entity: namespace(
      { namespace: 'kube-system' },
      { name: 'prd-euw1-payments-01.kube-system' },
    ),
    valid: false,
    message:
      'spec.namespace: "kube-system" is reserved: the "kube-" prefix belongs to Kubernetes system namespaces',
  },
  {
    name: 'default namespace',
    entity: namespace(
      { namespace: 'default' },
      { name: 'prd-euw1-payments-01.default' },
    ),
    valid: false,
    message: 'spec.namespace: "default" is reserved',
  },
  {
    name: 'platform namespace',
    entity: namespace(
      { namespace: 'monitoring' },
      { name: 'prd-euw1-payments-01.monitoring' },
    ),
    valid: false,
    message:
      'spec.namespace: "monitoring" is reserved: it is a platform namespace',
  },
  {
    name: 'namespace that is not a DNS-1123 label',
    entity: namespace({ namespace: 'Team_A' }),
    valid: false,
    message: `spec.namespace: "Team_A" must be lowercase letters, digits and '-'`,
  },
  {
    name: 'namespace longer than 63 characters',
    entity: namespace({ namespace: 'a'.repeat(64) }),
    valid: false,
    message: `spec.namespace: "${'a'.repeat(
      64,
    )}" is 64 characters long; the limit is 63`,
  },
  {
    name: 'entity name other than <cluster>.<namespace>',
    entity: namespace({}, { name: 'checkout' }),
    valid: false,
    message:
      'metadata.name: must be prd-euw1-payments-01.checkout (<cluster>.<namespace>), not checkout',
  },
  {
    name: 'entity name that would be too long',
    entity: namespace(
      { namespace: 'checkout-and-payment-gateway-for-eu-customers' },
      { name: 'too-long' },
    ),
    valid: false,
    message:
      'metadata.name: tenant namespace entity name "prd-euw1-payments-01.checkout-and-payment-gateway-for-eu-customers" is 66 characters long; the limit is 63',
  },
  {
    name: 'quota that is not a quantity',
    entity: namespace({ quota: { 'requests.cpu': '10 cpus' } }),
    valid: false,
    message:
      'spec.quota["requests.cpu"]: "10 cpus" is not a Kubernetes quantity',
  },
  {
    name: 'negative quota',
    entity: namespace({ quota: { pods: '-5' } }),
    valid: false,
    message: 'spec.quota.pods: "-5" must not be negative',
  },
  {
    name: 'quota as a number',
    entity: namespace({ quota: { pods: 50 } }),
    valid: false,
    message: 'spec.quota.pods: must be a string (got 50)',
  },
  {
    name: 'default memory request above the default limit',
    entity: namespace({ limits: { defaultRequest: { memory: '1Gi' } } }),
    valid: false,
    message:
      'spec.limits.defaultRequest.memory: default request 1Gi exceeds the default limit 512Mi',
  },
  {
    name: 'LimitRange field the contract does not have',
    entity: namespace({ limits: { max: { cpu: '2' } } }),
    valid: false,
    message:
      'spec.limits.max: unknown field (allowed: defaultRequest, default)',
  },
  {
    name: 'tenant granted cluster-admin',
    entity: namespace({ roles: ['edit', 'cluster-admin'] }),
    valid: false,
    message: 'spec.roles[1]: cluster-admin is reserved for the platform team',
  },
  {
    name: 'cluster ref to a group',
    entity: namespace({ cluster: 'group:prd-euw1-payments-01' }),
    valid: false,
    message:
      'spec.cluster: "group:prd-euw1-payments-01" must reference a cluster Resource',
  },
  {
    name: 'tenant namespace without namespace',
    entity: namespace({ namespace: undefined }),
    valid: false,
    message: 'spec.namespace: is required',
  },
];

export const corpus: CorpusCase[] = [
  ...validCases,
  ...clusterCases,
  ...profileCases,
  ...namespaceCases,
];
