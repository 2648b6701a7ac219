import type {
  FleetHealthGrid,
  HealthStatusCounts,
  SignalStatus,
} from '@fleet-portal/plugin-fleet-common';

/** Rows per grid request: a chunk is ~60 KB at 13 signals. */
export const GRID_CHUNK_ROWS = 1000;

const STATUS_OF_CODE: Record<string, SignalStatus> = {
  c: 'critical',
  w: 'warning',
  u: 'unknown',
  o: 'ok',
  n: 'not-applicable',
};

export function statusOfCode(code: string | undefined): SignalStatus {
  return STATUS_OF_CODE[code ?? 'u'] ?? 'unknown';
}

/** One row of the heat map, read from the chunk that holds it. */
export type GridRow = {
  position: number;
  cluster: string;
  entityRef?: string;
  environment?: string;
  status: SignalStatus;
  /** One status per signal, in the grid's column order. */
  cells: SignalStatus[];
  group?: string;
  groupCounts?: { total: number; byStatus: HealthStatusCounts };
};

export function rowOf(
  chunk: FleetHealthGrid,
  position: number,
): GridRow | undefined {
  const i = position - chunk.offset;
  if (i < 0 || i >= chunk.clusters.length) return undefined;
  const width = chunk.signals.length;
  const environment = chunk.environment[i];
  const group =
    chunk.group && chunk.groupLabels
      ? chunk.groupLabels[chunk.group[i]]
      : undefined;
  return {
    position,
    cluster: chunk.clusters[i],
    entityRef: chunk.entityRefs[i] ?? undefined,
    environment: environment >= 0 ? chunk.environments[environment] : undefined,
    status: statusOfCode(chunk.status[i]),
    cells: Array.from(chunk.cells.slice(i * width, (i + 1) * width), code =>
      statusOfCode(code),
    ),
    ...(group !== undefined
      ? { group, groupCounts: chunk.groupCounts?.[group] }
      : {}),
  };
}
