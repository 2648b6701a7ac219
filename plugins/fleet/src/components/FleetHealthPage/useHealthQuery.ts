import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type {
  HealthClusterQuery,
  HealthGroupField,
} from '@fleet-portal/plugin-fleet-common';
import {
  healthQueryFromSearchParams,
  healthSearchParams,
} from '../../api/healthQuery';

export type HealthView = 'grid' | 'list';
export type HealthGrouping = HealthGroupField | 'none';

/** What the page shows besides the query the backend takes. */
export type HealthPageState = {
  query: HealthClusterQuery;
  view: HealthView;
  grouping: HealthGrouping;
};

/**
 * The page state, kept in the URL so that a view can be shared and survives a reload: the
 * backend's query (filters, order, grouping, page) plus `view` (heat map or list). Grouped by
 * environment unless `groupBy=none`. Any change other than paging goes back to the first page.
 */
export function useHealthQuery() {
  const [searchParams, setSearchParams] = useSearchParams();
  const searchKey = searchParams.toString();
  const state = useMemo((): HealthPageState => {
    const params = new URLSearchParams(searchKey);
    const query = healthQueryFromSearchParams(params);
    const grouping: HealthGrouping =
      params.get('groupBy') === 'none'
        ? 'none'
        : query.groupBy ?? 'environment';
    return {
      query: {
        ...query,
        ...(grouping === 'none' ? {} : { groupBy: grouping }),
      },
      view: params.get('view') === 'list' ? 'list' : 'grid',
      grouping,
    };
  }, [searchKey]);

  const update = useCallback(
    (patch: {
      query?: Partial<HealthClusterQuery>;
      view?: HealthView;
      grouping?: HealthGrouping;
    }) => {
      setSearchParams(
        current => {
          const query = {
            ...healthQueryFromSearchParams(current),
            ...patch.query,
          };
          if (!patch.query || !('offset' in patch.query)) delete query.offset;
          const grouping =
            patch.grouping ??
            (current.get('groupBy') === 'none' ? 'none' : query.groupBy);
          delete query.groupBy;
          const params = healthSearchParams(query);
          if (grouping && grouping !== 'environment') {
            params.set('groupBy', grouping);
          }
          const view = patch.view ?? current.get('view');
          if (view === 'list') params.set('view', 'list');
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return { ...state, update };
}
