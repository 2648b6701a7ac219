import type { ClusterProfileEntity } from '@fleet-portal/plugin-fleet-common';
import { useClusterProfileOf } from '../namespace/useClusterProfileOf';
import { useNamespaceTarget } from './useNamespaceTarget';

/** Where a tenancy field takes its profile from: a chosen cluster, or an existing namespace. */
export type TenancySourceOptions = {
  /** The form field holding the cluster's entity ref (new namespaces). @defaultValue cluster */
  clusterField?: string;
  /** The form field holding an existing tenant namespace's entity ref (Day-2 changes). */
  namespaceField?: string;
};

/**
 * The profile a quota, limits or roles field works against, and — for an existing namespace
 * (`namespaceField`) — what the namespace has now, which the field starts from.
 */
export function useTenancySource(
  formContext: unknown,
  options: TenancySourceOptions | undefined,
): {
  profile?: ClusterProfileEntity;
  loading: boolean;
  error?: Error;
  /** The chosen cluster or namespace; undefined while none is chosen. */
  chosen?: string;
  current?: { roles?: string[] };
} {
  const namespaceField = options?.namespaceField;
  // both hooks always run; the one without a field has nothing to load
  const byCluster = useClusterProfileOf(
    formContext,
    namespaceField ? '' : options?.clusterField ?? 'cluster',
  );
  const byNamespace = useNamespaceTarget(formContext, namespaceField ?? '');
  if (namespaceField) {
    const target = byNamespace.value;
    return {
      profile: target?.profile,
      loading: byNamespace.loading,
      error: byNamespace.error,
      chosen: byNamespace.ref,
      current: target && { roles: target.entity.spec.roles },
    };
  }
  return {
    profile: byCluster.profile,
    loading: byCluster.loading,
    error: byCluster.error,
    chosen: byCluster.clusterRef,
  };
}
