import type { CatalogApi } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import {
  GOVERNED_NAMESPACE,
  isClusterEntity,
  isFromRepositoryOf,
  isTenantNamespaceEntity,
  NAMESPACE_SPEC_TYPE,
  PROVENANCE_FIELDS,
  type TeamBudget,
  type TeamBudgetNamespace,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetApi } from '../../api/FleetApi';
import { loadProfile } from '../scaffolder/shared/catalogLookups';

/** What a team budget on one cluster is counted from. */
export type ClusterBudget = {
  cluster: string;
  /**
   * Whether the fleet backend counts the cluster as governed (no budget applies otherwise);
   * `unknown` while its lifecycle records do not list the cluster (yet).
   */
  governed: boolean | 'unknown';
  /** The profile's title or name, when the profile is in the catalog. */
  profile?: string;
  /** The profile's per-team budget on each of its clusters; undefined when it sets none. */
  budget?: TeamBudget;
  /** The cluster's tenant namespaces from the platform repository, with owner and quota. */
  namespaces: TeamBudgetNamespace[];
};

type Apis = {
  catalogApi: Pick<CatalogApi, 'getEntityByRef' | 'getEntities'>;
  fleetApi: Pick<FleetApi, 'getCluster'>;
};

/**
 * The team budget of a cluster's profile and the cluster's tenant namespaces it is counted
 * over. Governed is the fleet backend's judgement (it knows the platform repository); a
 * namespace counts only when the catalog read it from that same repository — one
 * registered from anywhere else neither uses nor frees budget.
 */
export async function loadClusterBudget(
  { catalogApi, fleetApi }: Apis,
  cluster: string,
): Promise<ClusterBudget> {
  const [entity, governed] = await Promise.all([
    catalogApi.getEntityByRef({
      kind: 'resource',
      namespace: GOVERNED_NAMESPACE,
      name: cluster,
    }),
    isGoverned(fleetApi, cluster),
  ]);
  if (!entity || !isClusterEntity(entity) || governed !== true) {
    return {
      cluster,
      governed: entity && isClusterEntity(entity) ? governed : false,
      namespaces: [],
    };
  }
  const profile = entity.spec.profile
    ? await loadProfile(catalogApi, entity.spec.profile)
    : undefined;
  const budget = profile?.spec.tenancy?.teamBudget;
  if (!budget) {
    return {
      cluster,
      governed,
      profile: profile?.metadata.title ?? profile?.metadata.name,
      namespaces: [],
    };
  }
  const { items } = await catalogApi.getEntities({
    filter: {
      kind: 'Resource',
      'spec.type': NAMESPACE_SPEC_TYPE,
      'spec.cluster': [cluster, `resource:${GOVERNED_NAMESPACE}/${cluster}`],
    },
    fields: [...PROVENANCE_FIELDS, 'spec.owner', 'spec.quota'],
  });
  const namespaces = items
    .filter(isTenantNamespaceEntity)
    .filter(ns => isFromRepositoryOf(entity, ns) && ns.spec.owner)
    .map(ns => ({ team: ns.spec.owner, quota: ns.spec.quota ?? {} }));
  return {
    cluster,
    governed,
    profile: profile.metadata.title ?? profile.metadata.name,
    budget,
    namespaces,
  };
}

async function isGoverned(
  fleetApi: Apis['fleetApi'],
  name: string,
): Promise<boolean | 'unknown'> {
  try {
    const lifecycle = await fleetApi.getCluster({
      namespace: GOVERNED_NAMESPACE,
      name,
    });
    return lifecycle.governed;
  } catch (error) {
    if (error instanceof ResponseError && error.statusCode === 404) {
      return 'unknown';
    }
    throw error;
  }
}
