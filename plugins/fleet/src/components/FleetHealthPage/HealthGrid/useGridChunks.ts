import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  FleetHealthGrid,
  HealthClusterQuery,
} from '@fleet-portal/plugin-fleet-common';
import type { FleetHealthApi } from '../../../api/FleetHealthApi';
import { healthSearchParams } from '../../../api/healthQuery';
import { GRID_CHUNK_ROWS, GridRow, rowOf } from './gridChunks';

type Chunks = {
  key: string;
  chunks: Map<number, FleetHealthGrid>;
  first?: FleetHealthGrid;
  error?: Error;
  /** The previous selection's rows, shown until this one's first chunk arrives. */
  previous?: Omit<Chunks, 'previous'>;
};

const noop = () => {};

/**
 * The heat map's rows, fetched a chunk at a time as they scroll into view: the first chunk (with
 * the overview of the whole selection) paints the grid, the rest follow on demand.
 */
export function useGridChunks(api: FleetHealthApi, query: HealthClusterQuery) {
  const { offset: _offset, limit: _limit, ...selection } = query;
  const key = healthSearchParams(selection).toString();
  const [state, setState] = useState<Chunks>({ key, chunks: new Map() });
  const pending = useRef(new Set<string>());
  const selectionRef = useRef(selection);
  selectionRef.current = selection;

  const load = useCallback(
    (index: number) => {
      const id = `${key}#${index}`;
      if (pending.current.has(id)) return;
      pending.current.add(id);
      api
        .getGrid({
          ...selectionRef.current,
          offset: index * GRID_CHUNK_ROWS,
          limit: GRID_CHUNK_ROWS,
        })
        .then(
          chunk =>
            setState(current => {
              if (current.key !== key) return current;
              const chunks = new Map(current.chunks).set(index, chunk);
              return {
                ...current,
                chunks,
                first: index === 0 ? chunk : current.first,
              };
            }),
          error =>
            setState(current =>
              current.key === key ? { ...current, error } : current,
            ),
        );
    },
    [api, key],
  );

  useEffect(() => {
    pending.current.clear();
    setState(old => ({
      key,
      chunks: new Map(),
      // keep the rows on screen (unchanged, with a progress bar) rather than an empty page
      previous: old.first
        ? { key: old.key, chunks: old.chunks, first: old.first }
        : old.previous,
    }));
    load(0);
  }, [key, load]);

  const current = state.key === key ? state : undefined;
  const shown = current?.first ? current : current?.previous ?? state.previous;

  /** Asks for the chunks that hold the rows from `from` to `to` (positions). */
  const ensure = useCallback(
    (from: number, to: number) => {
      for (
        let index = Math.floor(from / GRID_CHUNK_ROWS);
        index <= Math.floor(to / GRID_CHUNK_ROWS);
        index++
      ) {
        if (!current?.chunks.has(index)) load(index);
      }
    },
    [current, load],
  );

  /** The row at a position, or undefined while its chunk loads. */
  const row = useCallback(
    (position: number): GridRow | undefined => {
      const chunk = shown?.chunks.get(Math.floor(position / GRID_CHUNK_ROWS));
      return chunk ? rowOf(chunk, position) : undefined;
    },
    [shown],
  );

  return {
    /** The first chunk of the rows shown (the previous selection's while the next one loads). */
    first: shown?.first,
    error: current?.error,
    loading: !current?.first && !current?.error,
    row,
    ensure: current?.first ? ensure : noop,
  };
}
