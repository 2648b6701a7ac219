import { CustomErrorBase } from '@backstage/errors';

/**
 * A response body was larger than the caller's byte limit; the request was aborted
 * when the limit was passed (or as soon as `Content-Length` announced more).
 */
export class ResponseTooLargeError extends CustomErrorBase {
  name = 'ResponseTooLargeError' as const;
}

/** Options of the capped readers. */
export type CappedReadOptions = {
  /** The setting that sets the limit, named in the error, e.g. `maxResponseBytes`. */
  setting?: string;
};

/**
 * The parts of a fetch `Response` (global fetch or undici) the capped reader uses.
 */
export type CappedBodyResponse = {
  headers: { get(name: string): string | null };
  body: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(reason?: unknown): Promise<void>;
    };
  } | null;
};

/** The parts of a Node `http.IncomingMessage` the capped reader uses. */
export type CappedBodyMessage = AsyncIterable<Uint8Array | string> & {
  headers: Record<string, string | string[] | undefined>;
  destroy(error?: Error): unknown;
};

/** Collects chunks while their total stays within the limit. */
class ChunkCounter {
  readonly #chunks: Uint8Array[] = [];
  readonly #maxBytes: number;
  readonly #options: CappedReadOptions;
  #bytes = 0;

  constructor(maxBytes: number, options: CappedReadOptions) {
    this.#maxBytes = maxBytes;
    this.#options = options;
  }

  /** False once the chunk takes the total past the limit (the chunk is dropped). */
  add(chunk: Uint8Array): boolean {
    this.#bytes += chunk.byteLength;
    if (this.#bytes > this.#maxBytes) {
      this.#chunks.length = 0;
      return false;
    }
    this.#chunks.push(chunk);
    return true;
  }

  error(): ResponseTooLargeError {
    return tooLarge(this.#maxBytes, this.#options);
  }

  buffer(): Buffer {
    return Buffer.concat(this.#chunks);
  }
}

/**
 * Reads a fetch response's body as UTF-8 text, at most `maxBytes` of it: a
 * `Content-Length` above the limit fails before anything is read, and a body that
 * passes the limit while streaming cancels the request there — the rest is never
 * read or buffered. Throws {@link ResponseTooLargeError}.
 */
export async function readCappedBody(
  response: CappedBodyResponse,
  maxBytes: number,
  options: CappedReadOptions = {},
): Promise<string> {
  const body = response.body;
  const declared = declaredLength(response.headers.get('content-length'));
  if (declared !== undefined && declared > maxBytes) {
    await body?.getReader().cancel();
    throw tooLarge(maxBytes, options, declared);
  }
  if (!body) {
    return '';
  }
  const reader = body.getReader();
  const chunks = new ChunkCounter(maxBytes, options);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    if (value && !chunks.add(value)) {
      await reader.cancel();
      throw chunks.error();
    }
  }
  return chunks.buffer().toString('utf8');
}

/**
 * {@link readCappedBody} for a Node `http.IncomingMessage`: returns the raw bytes, and
 * destroys the message (closing the connection) once the limit is passed.
 */
export async function readCappedMessage(
  message: CappedBodyMessage,
  maxBytes: number,
  options: CappedReadOptions = {},
): Promise<Buffer> {
  const header = message.headers['content-length'];
  const declared = declaredLength(Array.isArray(header) ? header[0] : header);
  if (declared !== undefined && declared > maxBytes) {
    message.destroy();
    throw tooLarge(maxBytes, options, declared);
  }
  const chunks = new ChunkCounter(maxBytes, options);
  for await (const chunk of message) {
    if (!chunks.add(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) {
      message.destroy();
      throw chunks.error();
    }
  }
  return chunks.buffer();
}

/** A byte count for people: `512 bytes`, `64 KiB`, `16 MiB`, `1.5 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 'bytes';
  for (const next of units) {
    if (value < 1024) {
      break;
    }
    value /= 1024;
    unit = next;
  }
  const shown = Number.isInteger(value) ? value : Number(value.toFixed(1));
  return `${shown} ${unit}`;
}

function declaredLength(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined || !/^\d+$/.test(header.trim())) {
    return undefined;
  }
  return Number(header.trim());
}

function tooLarge(
  maxBytes: number,
  options: CappedReadOptions,
  declared?: number,
): ResponseTooLargeError {
  const limit = `${formatBytes(maxBytes)}${
    options.setting ? ` (${options.setting})` : ''
  }`;
  return new ResponseTooLargeError(
    declared === undefined
      ? `the response is larger than the limit of ${limit}; the request was stopped there`
      : `the response announces ${formatBytes(
          declared,
        )} (Content-Length), more than the limit of ${limit}; it was not read`,
  );
}
