import { useApi } from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { RELATION_BUILDS } from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
  'spec.environment',
  'spec.profileVersion',
];

/** The clusters the catalog relates to the profile with `fleet-portal.dev/builds`. */
export function useClustersBuiltFrom(profile: Entity) {
  const catalogApi = useApi(catalogApiRef);
  // A string dependency, so that a re-rendered entity with the same relations does not refetch.
  const refs = (profile.relations ?? [])
    .filter(relation => relation.type === RELATION_BUILDS)
    .map(relation => relation.targetRef)
    .sort()
    .join(',');
  return useAsync(async () => {
    if (!refs) return [];
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs.split(','),
      fields: FIELDS,
    });
    return items.filter((item): item is Entity => item !== undefined);
  }, [catalogApi, refs]);
}
