/** apiVersion of the Fleet Portal kinds. */
export const FLEET_API_VERSION = 'fleet-portal.dev/v1alpha1';
/** kind of a cluster profile entity. */
export const CLUSTER_PROFILE_KIND = 'ClusterProfile';

/** spec.type of a cluster Resource. */
export const CLUSTER_SPEC_TYPE = 'kubernetes-cluster';
/** spec.type of a tenant namespace Resource. */
export const NAMESPACE_SPEC_TYPE = 'kubernetes-namespace';

/** Cluster → the profile it is built from. */
export const RELATION_BUILT_FROM = 'fleet-portal.dev/builtFrom';
/** Profile → the clusters built from it. */
export const RELATION_BUILDS = 'fleet-portal.dev/builds';

/** Where an entity came from, e.g. `platform-repo` or `portainer`. */
export const ANNOTATION_FLEET_SOURCE = 'fleet-portal.dev/source';
/** Path of the manifest in the platform repository. */
export const ANNOTATION_FLEET_SOURCE_FILE = 'fleet-portal.dev/source-file';
/** `'true'` or `'false'`: whether the cluster is under fleet governance. */
export const ANNOTATION_FLEET_GOVERNED = 'fleet-portal.dev/governed';

export const FLEET_SOURCES = [
  'platform-repo',
  'portainer',
  'open-cluster-management',
  'cluster-api',
  'argocd',
] as const;
export type FleetSource = (typeof FLEET_SOURCES)[number];

export const PROFILE_TYPES = [
  'production',
  'non-production',
  'edge',
  'regulated',
] as const;
export type ProfileType = (typeof PROFILE_TYPES)[number];

export const ENVIRONMENTS = [
  'production',
  'staging',
  'development',
  'test',
  'edge',
] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const LIFECYCLES = ['production', 'experimental', 'deprecated'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const LIFETIME_CLASSES = ['long-lived', 'project'] as const;
export type LifetimeClass = (typeof LIFETIME_CLASSES)[number];

export const ADMISSION_CONTROLLERS = ['gatekeeper', 'kyverno'] as const;
export type AdmissionController = (typeof ADMISSION_CONTROLLERS)[number];

export const ADMISSION_MODES = ['enforce', 'audit'] as const;
export type AdmissionMode = (typeof ADMISSION_MODES)[number];

export const PROVISIONERS = ['cluster-api', 'crossplane', 'omni'] as const;
export type Provisioner = (typeof PROVISIONERS)[number];

/**
 * Namespaces tenants may never request: Kubernetes' own and those of the platform's components
 * (ingress, service mesh, CNI, certificates, GitOps, admission, backup, monitoring), so a request
 * can never claim a system namespace. Deployments add their own in
 * `fleetPortal.scaffolder.reservedNamespaces`.
 */
export const RESERVED_NAMESPACE_NAMES = [
  'default',
  'cert-manager',
  'ingress-system',
  'ingress-nginx',
  'envoy-gateway-system',
  'istio-system',
  'istio-ingress',
  'linkerd',
  'monitoring',
  'flux-system',
  'argocd',
  'kyverno',
  'gatekeeper-system',
  'cilium',
  'calico-system',
  'calico-apiserver',
  'tigera-operator',
  'velero',
  'external-dns',
] as const;

/** Prefixes reserved for Kubernetes system namespaces (kube-system, kube-public, ...). */
export const RESERVED_NAMESPACE_PREFIXES = ['kube-'] as const;

/** Roles a tenant can never be granted: cluster-admin is for the platform team only. */
export const PLATFORM_ONLY_ROLES = ['cluster-admin'] as const;
