import {
  HEALTH_GRID_MAX_ROWS,
  HEALTH_GROUP_FIELDS,
  HEALTH_MAX_PAGE_SIZE,
  HEALTH_SORT_FIELDS,
  HEALTH_STATUS_ORDER,
  HealthClusterQuery,
  HealthStatus,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod';
import { list, parseQuery } from '../service/queryParams';

const STATUSES = HEALTH_STATUS_ORDER as [HealthStatus, ...HealthStatus[]];

function schema(maxLimit: number, signals: readonly string[]) {
  return z
    .object({
      environment: list(z.string()),
      profile: list(z.string()),
      owner: list(z.string()),
      status: list(z.enum(STATUSES)),
      cluster: list(z.string()),
      search: z.string().optional(),
      groupBy: z.enum(HEALTH_GROUP_FIELDS).optional(),
      orderBy: z.enum(HEALTH_SORT_FIELDS).optional(),
      signal: z
        .string()
        .refine(id => signals.includes(id), {
          message: `not one of the signals (${signals.join(', ')})`,
        })
        .optional(),
      order: z.enum(['asc', 'desc']).optional(),
      offset: z.coerce.number().int().min(0).optional(),
      limit: z.coerce.number().int().min(1).max(maxLimit).optional(),
      verdicts: z.enum(['all', 'worst']).optional(),
    })
    .refine(query => query.orderBy !== 'signal' || query.signal, {
      message: 'orderBy=signal needs the signal to sort by (signal=<id>)',
      path: ['signal'],
    });
}

/** The query of GET /health/clusters; InputError naming the parameter when a value is invalid. */
export function parseHealthClusterQuery(
  query: unknown,
  signals: readonly string[],
): HealthClusterQuery {
  return parseQuery(schema(HEALTH_MAX_PAGE_SIZE, signals), query);
}

/** The query of GET /health/grid: the same filters and orders, larger chunks. */
export function parseHealthGridQuery(
  query: unknown,
  signals: readonly string[],
): HealthClusterQuery {
  return parseQuery(schema(HEALTH_GRID_MAX_ROWS, signals), query);
}
