import { readFileSync } from 'node:fs';
import {
  readCappedBody,
  ResponseTooLargeError,
} from '@fleet-portal/plugin-fleet-node';
import { Agent, Dispatcher, fetch } from 'undici';
import { MetricsSourceConfig } from '../config';
import {
  InstantSample,
  parseInstantVector,
  parseRangeMatrix,
  ParsedResponse,
  RangeSeries,
} from './response';

/** How a query failed; every failure of the transport, the server or the payload is one of these. */
export type QueryFailureKind =
  | 'unreachable'
  | 'timeout'
  | 'http'
  | 'invalid-response'
  | 'query-error';

/** What a query gave: data (possibly partial, with the server's warnings) or a failure with a reason. */
export type QueryOutcome<T> =
  | { ok: true; data: T; warnings: string[] }
  | { ok: false; kind: QueryFailureKind; error: string };

const MAX_ERROR_BODY = 300;
/**
 * Default cap of one query's answer: a fleet-wide instant vector at 10,000 clusters is
 * about 1 MiB, so this leaves room for wide label sets and range queries while a
 * runaway answer cannot exhaust the backend's memory.
 */
export const DEFAULT_METRICS_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export type PromQLClientOptions = {
  /** Bytes one answer may have; larger answers are stopped there and fail as `invalid-response`. */
  maxResponseBytes?: number;
};

/** A PEM value given inline, or a path to a file holding it. */
function pem(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

function dispatcherFor(source: MetricsSourceConfig): Dispatcher | undefined {
  if (!source.tls) return undefined;
  return new Agent({
    connect: {
      ca: pem(source.tls.ca),
      cert: pem(source.tls.cert),
      key: pem(source.tls.key),
      rejectUnauthorized: !source.tls.insecureSkipVerify,
    },
  });
}

/** The reason of a thrown fetch error, without the URL's credentials (there are none in it anyway). */
function describeFetchError(error: unknown): {
  kind: QueryFailureKind;
  error: string;
} {
  const err = error as { name?: string; message?: string; cause?: any };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') {
    return { kind: 'timeout', error: 'the request timed out' };
  }
  const cause = err?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  const detail = code ?? cause?.message ?? err?.message ?? String(error);
  return { kind: 'unreachable', error: `cannot connect (${detail})` };
}

/**
 * A client of one source's Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`, POSTed
 * form-encoded). It never throws: every outcome, failure included, is a value. Answers are read
 * with a byte cap (`maxResponseBytes`), stopping the request at the limit.
 */
export class PromQLClient {
  private readonly dispatcher?: Dispatcher;
  private readonly headers: Record<string, string>;
  private readonly maxResponseBytes: number;
  /** Requests sent, for tests and benchmarks. */
  requests = 0;

  constructor(
    readonly source: MetricsSourceConfig,
    options: PromQLClientOptions = {},
  ) {
    this.maxResponseBytes =
      options.maxResponseBytes ?? DEFAULT_METRICS_MAX_RESPONSE_BYTES;
    this.dispatcher = dispatcherFor(source);
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    if (source.auth?.type === 'bearer') {
      headers.Authorization = `Bearer ${source.auth.token}`;
    } else if (source.auth?.type === 'basic') {
      headers.Authorization = `Basic ${Buffer.from(
        `${source.auth.username}:${source.auth.password}`,
      ).toString('base64')}`;
    }
    if (source.type === 'mimir' && source.tenant) {
      headers['X-Scope-OrgID'] = source.tenant;
    }
    this.headers = headers;
  }

  /** An instant query evaluated at `time`. */
  instant(query: string, time: Date): Promise<QueryOutcome<InstantSample[]>> {
    return this.post(
      '/api/v1/query',
      { query, time: seconds(time) },
      parseInstantVector,
    );
  }

  /** A range query over [start, end] every `stepSeconds`. */
  range(
    query: string,
    start: Date,
    end: Date,
    stepSeconds: number,
  ): Promise<QueryOutcome<RangeSeries[]>> {
    return this.post(
      '/api/v1/query_range',
      {
        query,
        start: seconds(start),
        end: seconds(end),
        step: String(stepSeconds),
      },
      parseRangeMatrix,
    );
  }

  private async post<T>(
    path: string,
    params: Record<string, string>,
    parse: (body: unknown) => ParsedResponse<T>,
  ): Promise<QueryOutcome<T>> {
    const form = new URLSearchParams(params);
    if (this.source.type === 'thanos') {
      form.set(
        'partial_response',
        String(this.source.partialResponse ?? false),
      );
      form.set('dedup', String(this.source.dedup ?? true));
    }
    this.requests++;
    let response;
    let text: string;
    try {
      response = await fetch(`${this.source.url}${path}`, {
        method: 'POST',
        headers: this.headers,
        body: form.toString(),
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(this.source.timeoutMs),
      });
      text = await readCappedBody(response, this.maxResponseBytes);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        return { ok: false, kind: 'invalid-response', error: error.message };
      }
      return { ok: false, ...describeFetchError(error) };
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      if (!response.ok) {
        return {
          ok: false,
          kind: 'http',
          error: `HTTP ${response.status}: ${snippet(text)}`,
        };
      }
      return {
        ok: false,
        kind: 'invalid-response',
        error: `the response is not JSON: ${snippet(text)}`,
      };
    }
    const parsed = parse(body);
    if (!response.ok) {
      // Prometheus answers 400/422/503 with its error envelope; keep its message.
      const message = parsed.ok ? snippet(text) : parsed.error;
      return {
        ok: false,
        kind: 'http',
        error: `HTTP ${response.status}: ${message}`,
      };
    }
    if (!parsed.ok) {
      return {
        ok: false,
        kind: parsed.errorType ? 'query-error' : 'invalid-response',
        error: parsed.errorType
          ? `${parsed.errorType}: ${parsed.error}`
          : parsed.error,
      };
    }
    return parsed;
  }
}

function seconds(date: Date): string {
  return (date.getTime() / 1000).toFixed(3);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '(empty body)';
  return flat.length > MAX_ERROR_BODY
    ? `${flat.slice(0, MAX_ERROR_BODY)}…`
    : flat;
}
