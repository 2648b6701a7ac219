import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  deserializeError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
  type SerializedError,
} from '@backstage/errors';
import type {
  CidrPreview,
  CidrPreviewRequest,
  CidrReservation,
  CidrReservationRequest,
} from '@fleet-portal/plugin-fleet-common';

export type CidrReservationsClientOptions = {
  discovery: DiscoveryService;
  auth: AuthService;
  /** For tests; the global fetch by default. */
  fetch?: typeof fetch;
};

/** The result of a reservation call: the reservation and whether this call created it. */
export type CidrReservationResult = {
  reservation: CidrReservation;
  /** False when the cluster already held this reservation (idempotent repeat). */
  created: boolean;
};

/**
 * Service-to-service client of the fleet backend's CIDR allocation API (see the contract in
 * fleet-common `api/cidr.ts`). It calls as the calling plugin's own service principal.
 *
 * Failures come back as the @backstage/errors the backend threw — InputError (400),
 * NotAllowedError (403), NotFoundError (404), ConflictError (409) — with the backend's message
 * and, as `cause`, its structured cause (e.g. the conflicting CIDRs or the exhausted pool).
 * Other statuses are a ResponseError.
 */
export class CidrReservationsClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #fetch: typeof fetch;

  constructor(options: CidrReservationsClientOptions) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? fetch;
  }

  /** What would be allocated (or whether requested CIDRs are free); stores nothing. */
  async preview(request: CidrPreviewRequest): Promise<CidrPreview> {
    const response = await this.#post('/cidr/preview', request);
    return (await response.json()) as CidrPreview;
  }

  /** Reserves blocks for a cluster; repeating it for the same cluster returns the same reservation. */
  async reserve(
    request: CidrReservationRequest,
  ): Promise<CidrReservationResult> {
    const response = await this.#post('/cidr/reservations', request);
    return {
      reservation: (await response.json()) as CidrReservation,
      created: response.status === 201,
    };
  }

  async #post(path: string, body: unknown): Promise<Response> {
    const baseUrl = await this.#discovery.getBaseUrl('fleet');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'fleet',
    });
    const response = await this.#fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw await toBackstageError(response);
    }
    return response;
  }
}

const ERRORS_BY_NAME: Record<
  string,
  new (message: string, cause?: Error) => Error
> = {
  InputError,
  NotAllowedError,
  NotFoundError,
  ConflictError,
};

/** Turns a failed response back into the error the backend threw. */
async function toBackstageError(response: Response): Promise<Error> {
  const responseError = await ResponseError.fromResponse(response);
  const remote = responseError.body.error;
  const ErrorType = ERRORS_BY_NAME[remote.name];
  if (!ErrorType) {
    return responseError;
  }
  const error = new ErrorType(remote.message);
  const remoteCause = remote.cause;
  if (
    remoteCause &&
    typeof remoteCause === 'object' &&
    !Array.isArray(remoteCause)
  ) {
    // Attached after construction: the backend's message already says what the cause is, and
    // passing it to the constructor would append it to the message a second time.
    Object.defineProperty(error, 'cause', {
      value: deserializeError(remoteCause as SerializedError),
      enumerable: false,
    });
  }
  return error;
}
