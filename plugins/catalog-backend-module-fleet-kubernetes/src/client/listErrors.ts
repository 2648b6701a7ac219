import { ResponseTooLargeError } from '@fleet-portal/plugin-fleet-node';
import { ApiException } from '@kubernetes/client-node';

/** A list request to the management cluster (or Argo CD's API) failed; `status` is the HTTP status when there was one. */
export class ListRequestError extends Error {
  readonly status?: number;

  constructor(message: string, status?: number) {
    super(message);
    this.name = 'ListRequestError';
    this.status = status;
  }
}

/**
 * Describes a failed list request without the request's headers (they carry the
 * bearer token): HTTP status with the API server's Status message, timeout,
 * connection or TLS failure, a body that is not JSON or larger than the cap.
 */
export function toListError(
  error: unknown,
  context: { url: string; timedOut: boolean; timeoutMs: number },
): ListRequestError {
  const { url } = context;
  if (error instanceof ListRequestError) {
    return error;
  }
  if (error instanceof ResponseTooLargeError) {
    return new ListRequestError(
      `oversized response from ${url}: ${error.message}`,
    );
  }
  if (context.timedOut) {
    return new ListRequestError(
      `no answer from ${url} within ${context.timeoutMs} ms`,
    );
  }
  if (error instanceof ApiException) {
    const reason = statusMessage(error.body);
    const detail = reason ? `: ${reason}` : '';
    switch (error.code) {
      case 401:
        return new ListRequestError(
          `401 Unauthorized from ${url}: the management cluster rejected the configured token`,
          401,
        );
      case 403:
        return new ListRequestError(
          `403 Forbidden from ${url}: the token's identity may not list this resource${detail}`,
          403,
        );
      case 410:
        return new ListRequestError(
          `410 Gone from ${url}: the list's continue token expired before all pages were read${detail}`,
          410,
        );
      default:
        return new ListRequestError(
          `HTTP ${error.code} from ${url}${detail}`,
          error.code,
        );
    }
  }
  if (error instanceof SyntaxError) {
    return new ListRequestError(
      `malformed response from ${url}: the body is not valid JSON (${error.message})`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === 'AbortError') {
    return new ListRequestError(`request to ${url} was aborted`);
  }
  if (/mediaType .* is not supported/i.test(message)) {
    return new ListRequestError(`malformed response from ${url}: ${message}`);
  }
  return new ListRequestError(`request to ${url} failed: ${message}`);
}

// The API server answers errors with a metav1.Status: { kind: "Status", message, reason, code };
// the generated client hands the body over parsed or as text.
function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.trim() ? body.trim().slice(0, 200) : undefined;
    }
  }
  const message = (parsed as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}
