import { PLATFORM_ONLY_ROLES } from '@fleet-portal/plugin-fleet-common';

/** What a direct apply may touch: one tenant namespace. */
export type DirectApplyScope = {
  /** The requested namespace; every namespaced object must be in it. */
  namespace: string;
  /** Whether the request creates the namespace: only then is the Namespace object itself applied. */
  createsNamespace: boolean;
};

/**
 * The namespaced kinds of a tenant namespace's baseline that may be applied directly. Everything
 * else — cluster-scoped objects (ClusterRole, ClusterRoleBinding, CustomResourceDefinition,
 * webhook configurations, other Namespaces) and namespaced kinds outside the baseline (Role,
 * Secret, workloads) — goes through Git and the GitOps engine only.
 */
export const DIRECT_APPLY_KINDS: ReadonlyArray<{
  apiVersion: string;
  kind: string;
}> = [
  { apiVersion: 'v1', kind: 'ResourceQuota' },
  { apiVersion: 'v1', kind: 'LimitRange' },
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
];

const ALLOWED = `${DIRECT_APPLY_KINDS.map(k => k.kind).join(
  ', ',
)} objects of the requested namespace, and the Namespace itself when the request creates it`;

/** `Kind/namespace/name` of a manifest, for messages and results. */
export function manifestId(manifest: unknown): string {
  const m = manifest as {
    kind?: unknown;
    metadata?: { name?: unknown; namespace?: unknown };
  };
  return [m?.kind, m?.metadata?.namespace, m?.metadata?.name]
    .filter(part => typeof part === 'string' && part !== '')
    .join('/');
}

/**
 * Why each manifest may not be applied directly within the scope; empty when all may.
 * Each problem starts with the manifest's `Kind/namespace/name`.
 */
export function directApplyProblems(
  manifests: unknown[],
  scope: DirectApplyScope,
): string[] {
  return manifests.flatMap(manifest => {
    const problem = manifestProblem(manifest, scope);
    return problem
      ? [`${manifestId(manifest) || 'a document'} ${problem}`]
      : [];
  });
}

function manifestProblem(
  manifest: unknown,
  scope: DirectApplyScope,
): string | undefined {
  const m = manifest as Record<string, any> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    typeof m.apiVersion !== 'string' ||
    typeof m.kind !== 'string' ||
    typeof m.metadata?.name !== 'string'
  ) {
    return 'is not a Kubernetes object with apiVersion, kind and metadata.name';
  }
  if (m.apiVersion === 'v1' && m.kind === 'Namespace') {
    if (m.metadata.name !== scope.namespace) {
      return `is another namespace than the requested ${scope.namespace}`;
    }
    if (!scope.createsNamespace) {
      return 'is applied only when the request creates the namespace';
    }
    return undefined;
  }
  if (
    !DIRECT_APPLY_KINDS.some(
      k => k.apiVersion === m.apiVersion && k.kind === m.kind,
    )
  ) {
    return `(${m.kind} of ${m.apiVersion}) is not applied directly: only ${ALLOWED}`;
  }
  if (m.metadata.namespace !== scope.namespace) {
    return typeof m.metadata.namespace === 'string'
      ? `is in namespace ${m.metadata.namespace}, not in the requested ${scope.namespace}`
      : `has no metadata.namespace; it must be ${scope.namespace}`;
  }
  if (
    m.kind === 'RoleBinding' &&
    (PLATFORM_ONLY_ROLES as readonly string[]).includes(m.roleRef?.name)
  ) {
    return `binds ${m.roleRef.name}, which is reserved for the platform team`;
  }
  return undefined;
}
