import type { Entity } from '@backstage/catalog-model';
import type {
  AdmissionController,
  AdmissionMode,
  Environment,
  Lifecycle,
  LifetimeClass,
  ProfileType,
  Provisioner,
} from './constants';
import type { ClusterRollout, ProfileRollout } from './api/rollout';

// Spec shapes are type aliases, not interfaces: only type literals are assignable to
// Entity's JsonObject spec.

/** Resource name → Kubernetes quantity, e.g. `{ "requests.cpu": "2", "limits.memory": "8Gi" }`. */
export type Quota = Record<string, string>;

/** Resource name → Kubernetes quantity, per LimitRange field. */
export type LimitRangeSpec = {
  defaultRequest?: Record<string, string>;
  default?: Record<string, string>;
};

export type ClusterNetwork = {
  podCidr?: string;
  serviceCidr?: string;
  nodeCidr?: string;
};

/** Dates are calendar dates, `YYYY-MM-DD`. */
export type ClusterLifetime = {
  /** Absent means long-lived. */
  class?: LifetimeClass;
  created?: string;
  reviewBy?: string;
  retireBy?: string;
  /** Set when a platform owner marked the cluster retiring (fleet:cluster:retire). */
  retiring?: ClusterRetiring;
};

/** Who marked a cluster retiring, when (YYYY-MM-DD) and why. */
export type ClusterRetiring = {
  reason: string;
  requestedBy: string;
  requestedAt: string;
};

export type ClusterNodes = {
  controlPlane?: number;
  workers?: number;
};

/** The fields the entity model adds to a kubernetes-cluster Resource; all optional. */
export type ClusterFleetFields = {
  purpose?: string;
  /** Entity ref to a ClusterProfile (default kind clusterprofile). */
  profile?: string;
  profileVersion?: string;
  environment?: Environment;
  environmentGroup?: string;
  region?: string;
  site?: string;
  network?: ClusterNetwork;
  lifetime?: ClusterLifetime;
  nodes?: ClusterNodes;
  /** The cluster's wave in its profile's rollouts (docs/entity-model.md, "Waves and rollouts"). */
  rollout?: ClusterRollout;
};

export type ClusterSpec = ClusterFleetFields & {
  type: 'kubernetes-cluster';
  owner: string;
  lifecycle?: Lifecycle;
  system?: string;
  dependsOn?: string[];
  dependencyOf?: string[];
};

export interface ClusterEntity extends Entity {
  apiVersion: 'backstage.io/v1alpha1' | 'backstage.io/v1beta1';
  kind: 'Resource';
  spec: ClusterSpec;
}

export type TenantNamespaceSpec = {
  type: 'kubernetes-namespace';
  owner: string;
  lifecycle?: Lifecycle;
  /** Entity ref to the cluster Resource (default kind resource). */
  cluster: string;
  /** The Kubernetes namespace name. */
  namespace: string;
  quota?: Quota;
  limits?: LimitRangeSpec;
  roles?: string[];
  identityGroup?: string;
  system?: string;
  dependsOn?: string[];
  dependencyOf?: string[];
};

export interface TenantNamespaceEntity extends Entity {
  apiVersion: 'backstage.io/v1alpha1' | 'backstage.io/v1beta1';
  kind: 'Resource';
  spec: TenantNamespaceSpec;
}

export type ProfileKubernetes = {
  distribution: string;
  version: string;
  /** A semver range, e.g. `>=1.30.0 <1.32.0`. */
  allowedRange?: string;
};

export type ProfileComponent = {
  name: string;
  role?: string;
  /** An explicit pin: never empty, `latest`, `*` or a range. */
  version: string;
  chart?: string;
};

export type ProfileStorageClasses = {
  default?: string;
  available?: string[];
};

export type ProfileAdmission = {
  controller?: AdmissionController;
  mode?: AdmissionMode;
};

export type ProfileNetworkPolicy = {
  allowSameNamespace?: boolean;
  allowDnsEgress?: boolean;
  allowIngressFromNamespaces?: string[];
};

/**
 * What one team may hold on one cluster of a profile: the number of its namespaces and the
 * sum of their quotas per resource.
 */
export type TeamBudget = {
  namespaces?: number;
  quota?: Quota;
};

export type ProfileTenancy = {
  defaults?: { quota?: Quota; limits?: LimitRangeSpec };
  maximums?: { quota?: Quota };
  teamBudget?: TeamBudget;
  allowedRoles?: string[];
  networkPolicy?: ProfileNetworkPolicy;
};

export type ProfileNetwork = {
  podPools?: string[];
  servicePools?: string[];
  /** Prefix length of the pod CIDR a new cluster gets from a pod pool. */
  podPrefix?: number;
  servicePrefix?: number;
};

export type ProfileNaming = {
  pattern?: string;
  example?: string;
};

export type ProfileReview = {
  intervalMonths?: number;
  /** Longest lifetime of a project cluster. */
  maxLifetimeDays?: number;
};

export type NodeRange = { min?: number; max?: number };

export type ProfileNodes = {
  controlPlane?: NodeRange;
  workers?: NodeRange;
};

export type ProfileProvisioner = {
  type?: Provisioner;
  /** cluster-api: the ClusterClass; crossplane: the Composition the claim selects. */
  clusterClass?: string;
  /** cluster-api: the worker MachineDeployment class (default `default-worker`). */
  workerClass?: string;
  /** crossplane: the claim kind the CompositeResourceDefinition offers. */
  claim?: { apiVersion: string; kind: string };
  /** omni: the Talos version of the cluster template. */
  talosVersion?: string;
  /** omni: machine classes for control plane and workers. */
  machineClass?: { controlPlane?: string; workers?: string };
};

export type ClusterProfileSpec = {
  type: ProfileType;
  version: string;
  /** Older versions still accepted for new clusters. */
  allowedVersions?: string[];
  owner: string;
  lifecycle: Lifecycle;
  summary?: string;
  kubernetes: ProfileKubernetes;
  components: ProfileComponent[];
  storageClasses?: ProfileStorageClasses;
  admission?: ProfileAdmission;
  clickOps?: { allowed?: boolean };
  auditLogging?: boolean;
  tenancy?: ProfileTenancy;
  network?: ProfileNetwork;
  naming?: ProfileNaming;
  review?: ProfileReview;
  nodes?: ProfileNodes;
  provisioner?: ProfileProvisioner;
  /** The ordered waves a new version is promoted through, each with the gate after it. */
  rollout?: ProfileRollout;
};

export interface ClusterProfileEntity extends Entity {
  apiVersion: 'fleet-portal.dev/v1alpha1';
  kind: 'ClusterProfile';
  spec: ClusterProfileSpec;
}
