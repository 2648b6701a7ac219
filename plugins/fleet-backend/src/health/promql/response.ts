// Strict reading of the Prometheus HTTP API's query responses
// (https://prometheus.io/docs/prometheus/latest/querying/api/#expression-query-result-formats):
// anything that is not exactly the documented shape is an error, never a guessed value.

/** One series of an instant vector: labels, the value (NaN/±Inf kept as such) and its time (seconds). */
export type InstantSample = {
  labels: Record<string, string>;
  value: number;
  time: number;
};

export type RangeSeries = {
  labels: Record<string, string>;
  points: Array<{ time: number; value: number }>;
};

export type ParsedResponse<T> =
  | { ok: true; data: T; warnings: string[] }
  | { ok: false; error: string; errorType?: string };

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A sample value: a string holding a float, `NaN`, `+Inf` or `-Inf`. */
export function parseSampleValue(value: Json): number | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (value === 'NaN') return NaN;
  if (value === '+Inf' || value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) {
    return undefined;
  }
  return Number(value);
}

function parsePair(
  pair: Json,
  where: string,
): { time: number; value: number } | string {
  if (!Array.isArray(pair) || pair.length !== 2) {
    return `${where} is not a [time, "value"] pair`;
  }
  const [time, raw] = pair;
  if (typeof time !== 'number' || !Number.isFinite(time)) {
    return `${where} has a time that is not a number`;
  }
  const value = parseSampleValue(raw);
  if (value === undefined) {
    return `${where} has a value that is not a number string: ${JSON.stringify(
      raw,
    )?.slice(0, 40)}`;
  }
  return { time, value };
}

function parseLabels(
  metric: Json,
  where: string,
): Record<string, string> | string {
  if (!isObject(metric)) {
    return `${where}.metric is not an object`;
  }
  for (const [name, value] of Object.entries(metric)) {
    if (typeof value !== 'string') {
      return `${where}.metric.${name} is not a string`;
    }
  }
  return metric as Record<string, string>;
}

function readWarnings(body: Record<string, Json>): string[] {
  const warnings: string[] = [];
  for (const list of [body.warnings, (body.data as any)?.warnings]) {
    if (Array.isArray(list)) {
      warnings.push(...list.filter((w): w is string => typeof w === 'string'));
    }
  }
  return warnings;
}

/** The envelope: `status`, and `data` with the expected `resultType`; or the API's own error. */
function envelope(
  body: Json,
  resultType: 'vector' | 'matrix',
): ParsedResponse<Json[]> {
  if (!isObject(body)) {
    return { ok: false, error: 'the response is not a JSON object' };
  }
  if (body.status === 'error') {
    return {
      ok: false,
      errorType:
        typeof body.errorType === 'string' ? body.errorType : undefined,
      error:
        typeof body.error === 'string'
          ? body.error
          : 'the API answered status "error" without a message',
    };
  }
  if (body.status !== 'success') {
    return {
      ok: false,
      error: `the response has status ${JSON.stringify(
        body.status,
      )}, expected "success"`,
    };
  }
  const data = body.data;
  if (!isObject(data)) {
    return { ok: false, error: 'the response has no data object' };
  }
  if (data.resultType !== resultType) {
    return {
      ok: false,
      error: `the result type is ${JSON.stringify(
        data.resultType,
      )}, expected "${resultType}"`,
    };
  }
  if (!Array.isArray(data.result)) {
    return { ok: false, error: 'data.result is not an array' };
  }
  return { ok: true, data: data.result, warnings: readWarnings(body) };
}

export function parseInstantVector(
  body: Json,
): ParsedResponse<InstantSample[]> {
  const env = envelope(body, 'vector');
  if (!env.ok) return env;
  const samples: InstantSample[] = [];
  for (const [index, item] of env.data.entries()) {
    const where = `data.result[${index}]`;
    if (!isObject(item)) {
      return { ok: false, error: `${where} is not an object` };
    }
    const labels = parseLabels(item.metric, where);
    if (typeof labels === 'string') return { ok: false, error: labels };
    const pair = parsePair(item.value, `${where}.value`);
    if (typeof pair === 'string') return { ok: false, error: pair };
    samples.push({ labels, ...pair });
  }
  return { ok: true, data: samples, warnings: env.warnings };
}

export function parseRangeMatrix(body: Json): ParsedResponse<RangeSeries[]> {
  const env = envelope(body, 'matrix');
  if (!env.ok) return env;
  const series: RangeSeries[] = [];
  for (const [index, item] of env.data.entries()) {
    const where = `data.result[${index}]`;
    if (!isObject(item)) {
      return { ok: false, error: `${where} is not an object` };
    }
    const labels = parseLabels(item.metric, where);
    if (typeof labels === 'string') return { ok: false, error: labels };
    if (!Array.isArray(item.values)) {
      return { ok: false, error: `${where}.values is not an array` };
    }
    const points = [];
    for (const [i, raw] of item.values.entries()) {
      const pair = parsePair(raw, `${where}.values[${i}]`);
      if (typeof pair === 'string') return { ok: false, error: pair };
      points.push(pair);
    }
    series.push({ labels, points });
  }
  return { ok: true, data: series, warnings: env.warnings };
}
