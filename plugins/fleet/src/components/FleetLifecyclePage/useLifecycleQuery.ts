import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { LifecycleQuery } from '@fleet-portal/plugin-fleet-common';
import { fromSearchParams, toSearchParams } from '../../api/lifecycleQuery';

/** Worst status first, then the nearest date: what a manager reviews first. */
const DEFAULTS: LifecycleQuery = { orderBy: 'status', order: 'asc', limit: 50 };

/**
 * The table state, kept in the URL query string so that a view can be shared and survives a
 * reload. Any change other than paging goes back to the first page.
 */
export function useLifecycleQuery() {
  const [searchParams, setSearchParams] = useSearchParams();
  const searchKey = searchParams.toString();
  const query = useMemo(
    () => ({
      ...DEFAULTS,
      ...fromSearchParams(new URLSearchParams(searchKey)),
    }),
    [searchKey],
  );
  const updateQuery = useCallback(
    (patch: Partial<LifecycleQuery>) => {
      setSearchParams(current => {
        const next = { ...fromSearchParams(current), ...patch };
        if (!('offset' in patch)) delete next.offset;
        return toSearchParams(next);
      });
    },
    [setSearchParams],
  );
  return { query, updateQuery };
}

/** True when the query narrows the fleet down. */
export function isFiltered(query: LifecycleQuery): boolean {
  return Boolean(
    query.owner?.length ||
      query.environment?.length ||
      query.profile?.length ||
      query.status?.length ||
      query.search,
  );
}
