import http from 'node:http';
import https from 'node:https';
import {
  readCappedMessage,
  ResponseTooLargeError,
} from '@fleet-portal/plugin-fleet-node';
import { ListRequestError } from './listErrors';

/** Default cap of Argo CD's cluster list, which comes unpaged: about 4 KiB a cluster, so room for 10,000+. */
export const DEFAULT_ARGOCD_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** How to reach Argo CD's API server; `token` is a secret and never logged. */
export type ArgoCdApiConnection = {
  /** Argo CD's base URL, e.g. https://argocd.example.com. */
  url: string;
  /** An Argo CD API token (account or project token) allowed to get clusters. */
  token: string;
  caData?: string;
  skipTLSVerify: boolean;
  /** Whether `url` may be plain http (the token then goes unencrypted); config refuses http otherwise. */
  allowInsecureHttp?: boolean;
  /** Bytes the cluster list may have; 64 MiB by default. */
  maxResponseBytes?: number;
  /** The setting of `maxResponseBytes`, named in errors. */
  maxResponseBytesSetting?: string;
};

/** What Argo CD's API reports about its connection to one cluster. */
export type ArgoCdConnectionState = {
  server: string;
  /** `Successful`, `Failed` or `Unknown` (Argo CD connects only to clusters that have applications). */
  status: string;
  message?: string;
  attemptedAt?: string;
  serverVersion?: string;
};

/**
 * Reads `GET /api/v1/clusters` of Argo CD's API server (argoproj/argo-cd
 * server/cluster: ClusterList of v1alpha1.Cluster, whose `info.connectionState` and
 * `info.serverVersion` supersede the deprecated top-level `connectionState` and
 * `serverVersion`). The list is unpaged; it is read with a cap of
 * `maxResponseBytes` and the request stopped there.
 */
export class ArgoCdApiClient {
  private readonly connection: ArgoCdApiConnection;
  private readonly timeoutMs: number;

  constructor(options: { connection: ArgoCdApiConnection; timeoutMs: number }) {
    this.connection = {
      ...options.connection,
      url: options.connection.url.replace(/\/+$/, ''),
    };
    if (
      this.connection.url.startsWith('http:') &&
      !this.connection.allowInsecureHttp
    ) {
      throw new Error(
        `refusing to send the Argo CD token to ${this.connection.url} over plain http without allowInsecureHttp`,
      );
    }
    this.timeoutMs = options.timeoutMs;
  }

  async listConnectionStates(
    signal?: AbortSignal,
  ): Promise<ArgoCdConnectionState[]> {
    const url = `${this.connection.url}/api/v1/clusters`;
    const body = await this.getJson(url, signal);
    const items = (body as { items?: unknown } | null)?.items;
    // Go serialises an empty list as null.
    if (items === null) {
      return [];
    }
    if (!Array.isArray(items)) {
      throw new ListRequestError(
        `malformed response from ${url}: expected a ClusterList with an "items" array`,
      );
    }
    return items.flatMap(item => {
      const cluster = item as Record<string, any>;
      const server = typeof cluster?.server === 'string' ? cluster.server : '';
      const state = cluster?.info?.connectionState ?? cluster?.connectionState;
      if (!server || typeof state?.status !== 'string') {
        return [];
      }
      const text = (value: unknown) =>
        typeof value === 'string' && value !== '' ? value : undefined;
      return [
        {
          server,
          status: state.status,
          message: text(state.message),
          attemptedAt: text(state.attemptedAt),
          serverVersion: text(
            cluster.info?.serverVersion ?? cluster.serverVersion,
          ),
        },
      ];
    });
  }

  private getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const requestSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const secure = url.startsWith('https:');
    return new Promise((resolve, reject) => {
      const request = (secure ? https : http).get(
        url,
        {
          headers: {
            authorization: `Bearer ${this.connection.token}`,
            accept: 'application/json',
          },
          signal: requestSignal,
          ...(secure
            ? {
                ca: this.connection.caData
                  ? Buffer.from(this.connection.caData, 'base64')
                  : undefined,
                rejectUnauthorized: !this.connection.skipTLSVerify,
              }
            : {}),
        },
        response => {
          this.readResponse(url, response).then(resolve, error =>
            reject(this.requestError(url, error, timeout)),
          );
        },
      );
      request.on('error', error => {
        reject(this.requestError(url, error, timeout));
      });
    });
  }

  private async readResponse(
    url: string,
    response: http.IncomingMessage,
  ): Promise<unknown> {
    const status = response.statusCode ?? 0;
    if (status === 401 || status === 403) {
      response.destroy();
      throw new ListRequestError(
        `${status} from ${url}: Argo CD rejected the configured API token`,
        status,
      );
    }
    let text: string;
    try {
      text = (
        await readCappedMessage(
          response,
          this.connection.maxResponseBytes ?? DEFAULT_ARGOCD_MAX_RESPONSE_BYTES,
          { setting: this.connection.maxResponseBytesSetting },
        )
      ).toString('utf8');
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        throw new ListRequestError(
          `oversized response from ${url}: ${error.message}`,
        );
      }
      throw error;
    }
    if (status < 200 || status > 299) {
      throw new ListRequestError(
        `HTTP ${status} from ${url}: ${text.slice(0, 200)}`,
        status,
      );
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ListRequestError(
        `malformed response from ${url}: the body is not valid JSON (${
          (error as Error).message
        })`,
      );
    }
  }

  /** A failure of the request or of reading its body, without the token. */
  private requestError(
    url: string,
    error: Error,
    timeout: AbortSignal,
  ): ListRequestError {
    if (error instanceof ListRequestError) {
      return error;
    }
    if (timeout.aborted) {
      return new ListRequestError(
        `no answer from ${url} within ${this.timeoutMs} ms`,
      );
    }
    if (error.name === 'AbortError') {
      return new ListRequestError(`request to ${url} was aborted`);
    }
    return new ListRequestError(`request to ${url} failed: ${error.message}`);
  }
}
