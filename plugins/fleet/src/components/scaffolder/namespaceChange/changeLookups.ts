import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  isClusterEntity,
  isFromRepositoryOf,
  NAMESPACE_SPEC_TYPE,
  type NamespaceChangeLookups,
} from '@fleet-portal/plugin-fleet-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { catalogLookups } from '../shared/catalogLookups';

/**
 * The Day-2 rules' lookups through the catalog API, as the form does them. The tenant
 * namespaces of a cluster are those the catalog read from the cluster's own repository, so
 * an entity registered elsewhere neither uses nor frees the team's budget.
 */
export function namespaceChangeLookups(
  catalogApi: Pick<CatalogApi, 'getEntityByRef' | 'getEntities'>,
): NamespaceChangeLookups {
  return {
    ...catalogLookups(catalogApi),
    namespace: ref => catalogApi.getEntityByRef(ref),
    namespacesOnCluster: async clusterRef => {
      const cluster = await catalogApi.getEntityByRef(clusterRef);
      if (!cluster || !isClusterEntity(cluster)) {
        return [];
      }
      const { name } = parseEntityRef(clusterRef);
      const { items } = await catalogApi.getEntities({
        filter: {
          kind: 'Resource',
          'spec.type': NAMESPACE_SPEC_TYPE,
          'spec.cluster': [name, clusterRef],
        },
      });
      return items.filter(ns => isFromRepositoryOf(cluster, ns));
    },
  };
}
