import {
  NAMESPACE_SPEC_TYPE,
  TenantNamespaceEntity,
} from '@fleet-portal/plugin-fleet-common';
import { stringify } from 'yaml';
import type { ValidatedNamespaceRequest } from './validateNamespaceRequest';

/** Labels every tenant namespace carries. */
export const LABEL_TEAM = 'fleet-portal.dev/team';
export const LABEL_ENVIRONMENT = 'fleet-portal.dev/environment';
export const LABEL_COST_CENTER = 'fleet-portal.dev/cost-center';
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'fleet-portal';
export const ANNOTATION_REQUESTED_BY = 'fleet-portal.dev/requested-by';

/** A Kubernetes object as rendered. */
export type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

export type RenderedNamespace = {
  manifests: KubernetesObject[];
  entity: TenantNamespaceEntity;
  /** Platform-repo path → YAML. */
  files: Record<string, string>;
};

/**
 * The baseline of a tenant namespace: Namespace, ResourceQuota, LimitRange, default-deny
 * NetworkPolicies with the profile's allows, RoleBindings of the team's group, and the
 * tenant-namespace entity. Objects are built as data and serialised by the yaml
 * package, so no input can change the structure of the output.
 */
export function renderNamespace(
  request: ValidatedNamespaceRequest,
): RenderedNamespace {
  const ns = request.namespace;
  const labels = {
    [LABEL_TEAM]: request.team.metadata.name,
    [LABEL_ENVIRONMENT]: request.environment,
    [LABEL_COST_CENTER]: request.costCenter,
    [LABEL_MANAGED_BY]: MANAGED_BY,
  };
  const meta = (name: string) => ({
    name,
    namespace: ns,
    labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
  });

  const manifests: KubernetesObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: ns,
        labels,
        annotations: { [ANNOTATION_REQUESTED_BY]: request.requestedBy },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: meta('tenant-quota'),
      spec: { hard: { ...request.quota } },
    },
  ];
  if (request.limits.default || request.limits.defaultRequest) {
    manifests.push({
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: meta('tenant-limits'),
      spec: {
        limits: [
          {
            type: 'Container',
            ...(request.limits.default && {
              default: { ...request.limits.default },
            }),
            ...(request.limits.defaultRequest && {
              defaultRequest: { ...request.limits.defaultRequest },
            }),
          },
        ],
      },
    });
  }
  manifests.push(...networkPolicies(request, meta));
  for (const role of request.roles) {
    manifests.push(
      roleBinding(role, {
        identityGroup: request.identityGroup,
        namespace: ns,
      }),
    );
  }

  const entity: TenantNamespaceEntity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: request.entityName,
      namespace: request.cluster.metadata.namespace ?? 'default',
      title: `${ns} on ${request.clusterName}`,
      ...(request.description && { description: request.description }),
      annotations: { [ANNOTATION_REQUESTED_BY]: request.requestedBy },
    },
    spec: {
      type: NAMESPACE_SPEC_TYPE,
      owner: request.teamRef,
      lifecycle:
        request.environment === 'production' ? 'production' : 'experimental',
      cluster: request.clusterRef,
      namespace: ns,
      quota: { ...request.quota },
      limits: {
        ...(request.limits.defaultRequest && {
          defaultRequest: { ...request.limits.defaultRequest },
        }),
        ...(request.limits.default && {
          default: { ...request.limits.default },
        }),
      },
      roles: [...request.roles],
      identityGroup: request.identityGroup,
    },
  };

  return {
    manifests,
    entity,
    files: {
      [request.paths.entity]: stringify(entity),
      [request.paths.manifests]: manifests.map(m => stringify(m)).join('---\n'),
    },
  };
}

function networkPolicies(
  request: ValidatedNamespaceRequest,
  meta: (name: string) => KubernetesObject['metadata'],
): KubernetesObject[] {
  const policy = request.profile.spec.tenancy?.networkPolicy ?? {};
  const np = (
    name: string,
    spec: Record<string, unknown>,
  ): KubernetesObject => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(name),
    spec: { podSelector: {}, ...spec },
  });
  const result = [
    np('default-deny-all', { policyTypes: ['Ingress', 'Egress'] }),
  ];
  // Same-namespace traffic and DNS are allowed unless the profile explicitly says no.
  if (policy.allowSameNamespace !== false) {
    result.push(
      np('allow-same-namespace', {
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      }),
    );
  }
  if (policy.allowDnsEgress !== false) {
    result.push(
      np('allow-dns-egress', {
        policyTypes: ['Egress'],
        egress: [
          {
            to: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
                },
                podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      }),
    );
  }
  for (const from of policy.allowIngressFromNamespaces ?? []) {
    result.push(
      np(`allow-ingress-from-${from}`, {
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': from },
                },
              },
            ],
          },
        ],
      }),
    );
  }
  return result;
}

/** The RoleBinding of a tenant role: the team's identity group bound to the ClusterRole. */
export function roleBinding(
  role: string,
  values: { identityGroup: string; namespace: string },
): KubernetesObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      name: roleBindingName(role),
      namespace: values.namespace,
      labels: { [LABEL_MANAGED_BY]: MANAGED_BY },
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: role,
    },
    subjects: [
      {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Group',
        name: values.identityGroup,
      },
    ],
  };
}

export function roleBindingName(role: string): string {
  return `tenant-${role.replace(/[^a-z0-9-]/g, '-')}`;
}
