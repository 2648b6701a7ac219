import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  CLUSTER_PROFILE_KIND,
  isClusterEntity,
  isFromRepositoryOf,
  isTenantNamespaceEntity,
  NAMESPACE_SPEC_TYPE,
  namespaceClusterRef,
  type TenantNamespaceEntity,
} from '@fleet-portal/plugin-fleet-common';

/** A tenant namespace the picker offers, with what a person recognises it by. */
export type ChangeableNamespace = {
  ref: string;
  namespace: string;
  cluster: string;
  environment?: string;
  team: string;
  entity: TenantNamespaceEntity;
};

/**
 * The governed tenant namespaces a user may change or give back: those of their teams, and
 * every one when they are in a group that owns a cluster profile (the platform owners, as the
 * actions decide it). Only namespaces read from their cluster's platform repository, on
 * clusters in the catalog. The backend decides again; this only keeps the list honest.
 */
export async function loadChangeableNamespaces(
  catalogApi: Pick<CatalogApi, 'getEntities' | 'getEntitiesByRefs'>,
  myGroups: readonly string[],
): Promise<ChangeableNamespace[]> {
  if (myGroups.length === 0) {
    return [];
  }
  const ownedProfiles = await catalogApi.getEntities({
    filter: { kind: CLUSTER_PROFILE_KIND, 'relations.ownedBy': [...myGroups] },
    fields: ['kind', 'metadata.name'],
  });
  const platformOwner = ownedProfiles.items.length > 0;
  const { items } = await catalogApi.getEntities({
    filter: {
      kind: 'Resource',
      'spec.type': NAMESPACE_SPEC_TYPE,
      ...(platformOwner ? {} : { 'relations.ownedBy': [...myGroups] }),
    },
  });
  const namespaces = items.filter(isTenantNamespaceEntity);
  const clusterRefs = [
    ...new Set(
      namespaces.flatMap(ns => {
        const ref = namespaceClusterRef(ns);
        return ref ? [ref] : [];
      }),
    ),
  ];
  const { items: clusters } = await catalogApi.getEntitiesByRefs({
    entityRefs: clusterRefs,
  });
  const clusterOf = new Map<string, Entity>();
  clusters.forEach((cluster, i) => {
    if (cluster && isClusterEntity(cluster)) {
      clusterOf.set(clusterRefs[i], cluster);
    }
  });
  return namespaces
    .flatMap(entity => {
      const clusterRef = namespaceClusterRef(entity);
      const cluster = clusterRef ? clusterOf.get(clusterRef) : undefined;
      if (!cluster || !isFromRepositoryOf(cluster, entity)) {
        return [];
      }
      return [
        {
          ref: stringifyEntityRef(entity),
          namespace: entity.spec.namespace,
          cluster: cluster.metadata.name,
          environment: (cluster.spec as { environment?: string }).environment,
          team: entity.spec.owner,
          entity,
        },
      ];
    })
    .sort(
      (a, b) =>
        a.cluster.localeCompare(b.cluster) ||
        a.namespace.localeCompare(b.namespace),
    );
}
