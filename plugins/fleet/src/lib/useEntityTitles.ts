import { useApiHolder } from '@backstage/frontend-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { shortRef } from './refs';

/**
 * How people read a list of entity refs (owner facets, pickers): each entity's title as the
 * catalog presents it (a group's or user's `spec.profile.displayName`, else `metadata.title`),
 * the short ref until it is known or when the catalog has no such entity. For one ref in a link,
 * use the catalog's EntityRefLink / EntityDisplayName, which do the same.
 */
export function useEntityTitles(
  refs: readonly string[],
): (ref: string) => string {
  const apis = useApiHolder();
  const key = [...refs].sort().join('\n');
  const { value } = useAsync(async () => {
    const presentation = apis.get(entityPresentationApiRef);
    if (!presentation || refs.length === 0) {
      return new Map<string, string>();
    }
    const titles = await Promise.all(
      refs.map(async ref => {
        try {
          const snapshot = await presentation.forEntity(ref).promise;
          return [ref, snapshot.primaryTitle] as const;
        } catch {
          return [ref, shortRef(ref)] as const;
        }
      }),
    );
    return new Map(titles);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [apis, key]);
  return ref => value?.get(ref) ?? shortRef(ref);
}
