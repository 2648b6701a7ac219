import { InputError } from '@backstage/errors';
import {
  LIFECYCLE_MAX_PAGE_SIZE,
  LIFECYCLE_SORT_FIELDS,
  LIFECYCLE_STATUSES,
  LifecycleQuery,
  LifecycleStatus,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod';

const STATUSES = LIFECYCLE_STATUSES as [LifecycleStatus, ...LifecycleStatus[]];

/** `?a=x&a=y` and `?a=x,y` both give `[x, y]`. */
function toList(value: unknown): unknown {
  if (value === undefined) {
    return undefined;
  }
  const values = Array.isArray(value) ? value : [value];
  if (!values.every(item => typeof item === 'string')) {
    return value; // let the schema reject it
  }
  return values
    .flatMap(item => item.split(','))
    .map(item => item.trim())
    .filter(Boolean);
}

/** A multi-valued query parameter of `item`s. */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(toList, z.array(item).optional());

const filterSchema = z.object({
  owner: list(z.string()),
  environment: list(z.string()),
  profile: list(z.string()),
  status: list(z.enum(STATUSES)),
  search: z.string().optional(),
});

const pageSchema = filterSchema.extend({
  orderBy: z.enum(LIFECYCLE_SORT_FIELDS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(LIFECYCLE_MAX_PAGE_SIZE).optional(),
  scheduleMonths: z.coerce.number().int().min(1).max(60).optional(),
});

const scheduleSchema = filterSchema.extend({
  months: z.coerce.number().int().min(1).max(60).default(12),
});

/** The offending value, e.g. `"sleeping"` for the second item of `?status=ok,sleeping`. */
function receivedValue(query: unknown, path: readonly PropertyKey[]): string {
  const [param, index] = path;
  const value = (query as Record<string, unknown>)[String(param)];
  const values = toList(value);
  const item =
    typeof index === 'number' && Array.isArray(values) ? values[index] : value;
  return JSON.stringify(item) ?? 'nothing';
}

/** The query parsed with `schema`; an InputError naming each invalid parameter and its value. */
export function parseQuery<T extends z.ZodType>(
  schema: T,
  query: unknown,
): z.infer<T> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue =>
        `query parameter ${String(issue.path[0])}: ${
          issue.message
        } (got ${receivedValue(query, issue.path)})`,
    );
    throw new InputError(`Invalid ${problems.join('; ')}`);
  }
  return result.data;
}

/** The lifecycle query of a request; InputError naming the parameter when a value is invalid. */
export function parseLifecycleQuery(query: unknown): LifecycleQuery {
  return parseQuery(pageSchema, query);
}

export function parseScheduleQuery(
  query: unknown,
): LifecycleQuery & { months: number } {
  return parseQuery(scheduleSchema, query);
}
