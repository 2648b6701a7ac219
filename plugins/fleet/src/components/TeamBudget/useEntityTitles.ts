import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { shortRef, tryParseEntityRef } from '../../lib/refs';

/**
 * The titles people know entities by (a group's title or display name, else its name), by
 * the refs given; a ref the catalog does not have keeps its short form.
 */
export function useEntityTitles(refs: readonly string[], defaultKind: string) {
  const catalogApi = useApi(catalogApiRef);
  const full = [
    ...new Set(
      refs.flatMap(ref => {
        const parsed = tryParseEntityRef(ref, defaultKind);
        return parsed ? [stringifyEntityRef(parsed)] : [];
      }),
    ),
  ].sort();
  const key = full.join(',');
  const { value } = useAsync(async () => {
    if (full.length === 0) {
      return new Map<string, string>();
    }
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: full,
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    const titles = new Map<string, string>();
    items.forEach((entity, i) => {
      const profile = entity?.spec?.profile as
        | { displayName?: string }
        | undefined;
      const title = entity?.metadata.title ?? profile?.displayName;
      if (title) {
        titles.set(full[i], title);
      }
    });
    return titles;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);

  return (ref: string): string => {
    const parsed = tryParseEntityRef(ref, defaultKind);
    const title = parsed && value?.get(stringifyEntityRef(parsed));
    return title ?? shortRef(ref);
  };
}
