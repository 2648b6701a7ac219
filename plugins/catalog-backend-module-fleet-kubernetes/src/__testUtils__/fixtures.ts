// Objects in the shapes documented in ../../README.md ("Source shapes"): trimmed
// from the upstream API types, with the fields this module reads and some it ignores.
import type { FakeResource } from './FakeKubernetesApi';

export const MANAGED_CLUSTERS: FakeResource = {
  prefix: '/apis/cluster.open-cluster-management.io/v1',
  plural: 'managedclusters',
  kind: 'ManagedCluster',
  namespaced: false,
};

export const CAPI_CLUSTERS_V1BETA2: FakeResource = {
  prefix: '/apis/cluster.x-k8s.io/v1beta2',
  plural: 'clusters',
  kind: 'Cluster',
  namespaced: true,
};

export const CAPI_CLUSTERS_V1BETA1: FakeResource = {
  prefix: '/apis/cluster.x-k8s.io/v1beta1',
  plural: 'clusters',
  kind: 'Cluster',
  namespaced: true,
};

export const SECRETS: FakeResource = {
  prefix: '/api/v1',
  plural: 'secrets',
  kind: 'Secret',
  namespaced: true,
};

const T0 = '2025-01-10T08:00:00Z';

// What the OCM registration controller reports for each Available status.
const AVAILABLE_CONDITION = {
  True: {
    reason: 'ManagedClusterAvailable',
    message: 'Managed cluster is available',
  },
  False: {
    reason: 'ManagedClusterKubeAPIServerUnavailable',
    message: 'The kube-apiserver is not ok, status code: 503',
  },
  Unknown: {
    reason: 'ManagedClusterLeaseUpdateStopped',
    message: 'Registration agent stopped updating its lease.',
  },
};

/** A ManagedCluster as an OCM hub serves it. */
export function managedCluster(
  name: string,
  options: {
    available?: 'True' | 'False' | 'Unknown';
    joined?: boolean;
    accepted?: boolean;
    version?: string;
    labels?: Record<string, string>;
    url?: string;
  } = {},
): Record<string, any> {
  const conditions: Record<string, unknown>[] = [];
  if (options.accepted ?? true) {
    conditions.push({
      type: 'HubAcceptedManagedCluster',
      status: 'True',
      reason: 'HubClusterAdminAccepted',
      message: 'Accepted by hub cluster admin',
      lastTransitionTime: T0,
      observedGeneration: 1,
    });
  }
  if (options.joined ?? true) {
    conditions.push({
      type: 'ManagedClusterJoined',
      status: 'True',
      reason: 'ManagedClusterJoined',
      message: 'Managed cluster joined',
      lastTransitionTime: T0,
    });
  }
  if (options.available !== undefined || (options.joined ?? true)) {
    const available = options.available ?? 'True';
    conditions.push({
      type: 'ManagedClusterConditionAvailable',
      status: available,
      ...AVAILABLE_CONDITION[available],
      lastTransitionTime: '2025-01-12T09:30:00Z',
    });
  }
  return {
    apiVersion: 'cluster.open-cluster-management.io/v1',
    kind: 'ManagedCluster',
    metadata: {
      name,
      uid: `ocm-uid-${name}`,
      resourceVersion: '1001',
      labels: {
        'cluster.open-cluster-management.io/clusterset': 'default',
        ...options.labels,
      },
    },
    spec: {
      hubAcceptsClient: options.accepted ?? true,
      leaseDurationSeconds: 60,
      managedClusterClientConfigs: [
        {
          url: options.url ?? `https://api.${name}.k8s.example:6443`,
          caBundle: 'LS0tLS1CRUdJTi...',
        },
      ],
    },
    status: {
      conditions,
      ...(options.version
        ? {
            version: { kubernetes: options.version },
            clusterClaims: [
              {
                name: 'kubeversion.open-cluster-management.io',
                value: options.version,
              },
              { name: 'platform.open-cluster-management.io', value: 'AWS' },
            ],
          }
        : {}),
      capacity: { cpu: '12', memory: '49283Mi' },
    },
  };
}

/** A Cluster API Cluster as served at cluster.x-k8s.io/v1beta2. */
export function capiClusterV1beta2(
  name: string,
  options: {
    namespace?: string;
    phase?: string;
    available?: 'True' | 'False' | 'Unknown';
    initialized?: boolean;
    version?: string;
    labels?: Record<string, string>;
    failureMessage?: string;
  } = {},
): Record<string, any> {
  const initialized = options.initialized ?? true;
  const available = options.available ?? 'True';
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta2',
    kind: 'Cluster',
    metadata: {
      name,
      namespace: options.namespace ?? 'fleet',
      uid: `capi-uid-${name}`,
      labels: options.labels ?? {},
    },
    spec: {
      controlPlaneEndpoint: { host: `${name}.lb.k8s.example`, port: 6443 },
      topology: {
        classRef: { name: 'talos-ha-v3' },
        version: options.version ?? 'v1.31.4',
      },
    },
    status: {
      phase: options.phase ?? 'Provisioned',
      initialization: {
        infrastructureProvisioned: initialized,
        controlPlaneInitialized: initialized,
      },
      conditions: [
        {
          type: 'Available',
          status: available,
          reason: available === 'True' ? 'Available' : 'NotAvailable',
          message:
            available === 'True'
              ? ''
              : '* RemoteConnectionProbe: Remote connection not established yet',
          lastTransitionTime: T0,
          observedGeneration: 3,
        },
        {
          type: 'InfrastructureReady',
          status: 'True',
          reason: 'Ready',
          lastTransitionTime: T0,
        },
        {
          type: 'ControlPlaneInitialized',
          status: initialized ? 'True' : 'False',
          reason: 'Initialized',
          lastTransitionTime: T0,
        },
        {
          type: 'RemoteConnectionProbe',
          status: available === 'True' ? 'True' : 'False',
          reason: 'ProbeSucceeded',
          lastTransitionTime: T0,
        },
      ],
      controlPlane: {
        desiredReplicas: 3,
        replicas: 3,
        readyReplicas: 3,
        availableReplicas: 3,
        upToDateReplicas: 3,
      },
      ...(options.failureMessage
        ? {
            deprecated: {
              v1beta1: {
                conditions: [],
                failureReason: 'InvalidConfiguration',
                failureMessage: options.failureMessage,
              },
            },
          }
        : {}),
    },
  };
}

/** A Cluster API Cluster as served at cluster.x-k8s.io/v1beta1 (Cluster API before 1.11, or the deprecated version). */
export function capiClusterV1beta1(
  name: string,
  options: {
    namespace?: string;
    phase?: string;
    ready?: 'True' | 'False' | 'Unknown';
    infrastructureReady?: boolean;
    controlPlaneReady?: boolean;
    version?: string;
    labels?: Record<string, string>;
    failureMessage?: string;
    withoutConditions?: boolean;
  } = {},
): Record<string, any> {
  const ready = options.ready ?? 'True';
  return {
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    metadata: {
      name,
      namespace: options.namespace ?? 'fleet',
      uid: `capi-uid-${name}`,
      labels: options.labels ?? {},
    },
    spec: {
      controlPlaneEndpoint: { host: `${name}.lb.k8s.example`, port: 6443 },
      ...(options.version
        ? { topology: { class: 'talos-ha-v2', version: options.version } }
        : {}),
    },
    status: {
      phase: options.phase ?? 'Provisioned',
      infrastructureReady: options.infrastructureReady ?? true,
      controlPlaneReady: options.controlPlaneReady ?? true,
      ...(options.failureMessage
        ? {
            failureReason: 'CreateError',
            failureMessage: options.failureMessage,
          }
        : {}),
      ...(options.withoutConditions
        ? {}
        : {
            conditions: [
              {
                type: 'Ready',
                status: ready,
                severity: ready === 'True' ? '' : 'Warning',
                reason: ready === 'True' ? '' : 'WaitingForControlPlane',
                message:
                  ready === 'True'
                    ? ''
                    : '1 of 3 control plane machines not ready',
                lastTransitionTime: T0,
              },
              {
                type: 'ControlPlaneReady',
                status: 'True',
                lastTransitionTime: T0,
              },
              {
                type: 'InfrastructureReady',
                status: 'True',
                lastTransitionTime: T0,
              },
            ],
          }),
      observedGeneration: 3,
    },
  };
}

const b64 = (text: string) => Buffer.from(text).toString('base64');

/** An Argo CD declarative cluster secret (docs/operator-manual/declarative-setup.md). */
export function argoCdClusterSecret(
  name: string,
  options: {
    server?: string;
    namespace?: string;
    labels?: Record<string, string>;
    secretName?: string;
    data?: Record<string, string>;
  } = {},
): Record<string, any> {
  const secretName = options.secretName ?? `cluster-${name}`;
  return {
    metadata: {
      name: secretName,
      namespace: options.namespace ?? 'argocd',
      uid: `argocd-uid-${secretName}`,
      labels: {
        'argocd.argoproj.io/secret-type': 'cluster',
        ...options.labels,
      },
    },
    type: 'Opaque',
    data: options.data ?? {
      name: b64(name),
      server: b64(options.server ?? `https://api.${name}.k8s.example:6443`),
      config: b64(
        JSON.stringify({
          bearerToken: 'argocd-manager-token-never-read',
          tlsClientConfig: { insecure: false, caData: 'LS0t' },
        }),
      ),
    },
  };
}

/** A secret in Argo CD's namespace that is not a cluster secret. */
export function argoCdRepositorySecret(name: string): Record<string, any> {
  return {
    metadata: {
      name,
      namespace: 'argocd',
      uid: `argocd-uid-${name}`,
      labels: { 'argocd.argoproj.io/secret-type': 'repository' },
    },
    type: 'Opaque',
    data: { url: b64('https://git.example/platform.git') },
  };
}
