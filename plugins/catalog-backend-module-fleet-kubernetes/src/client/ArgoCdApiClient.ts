import http from 'node:http';
import https from 'node:https';
import { ListRequestError } from './listErrors';

/** How to reach Argo CD's API server; `token` is a secret and never logged. */
export type ArgoCdApiConnection = {
  /** Argo CD's base URL, e.g. https://argocd.example.com. */
  url: string;
  /** An Argo CD API token (account or project token) allowed to get clusters. */
  token: string;
  caData?: string;
  skipTLSVerify: boolean;
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
 * `serverVersion`).
 */
export class ArgoCdApiClient {
  private readonly connection: ArgoCdApiConnection;
  private readonly timeoutMs: number;

  constructor(options: { connection: ArgoCdApiConnection; timeoutMs: number }) {
    this.connection = {
      ...options.connection,
      url: options.connection.url.replace(/\/+$/, ''),
    };
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
          const chunks: Buffer[] = [];
          response.on('data', chunk => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = response.statusCode ?? 0;
            if (status === 401 || status === 403) {
              reject(
                new ListRequestError(
                  `${status} from ${url}: Argo CD rejected the configured API token`,
                  status,
                ),
              );
              return;
            }
            if (status < 200 || status > 299) {
              reject(
                new ListRequestError(
                  `HTTP ${status} from ${url}: ${text.slice(0, 200)}`,
                  status,
                ),
              );
              return;
            }
            try {
              resolve(JSON.parse(text));
            } catch (error) {
              reject(
                new ListRequestError(
                  `malformed response from ${url}: the body is not valid JSON (${
                    (error as Error).message
                  })`,
                ),
              );
            }
          });
        },
      );
      request.on('error', error => {
        if (timeout.aborted) {
          reject(
            new ListRequestError(
              `no answer from ${url} within ${this.timeoutMs} ms`,
            ),
          );
        } else if (error.name === 'AbortError') {
          reject(new ListRequestError(`request to ${url} was aborted`));
        } else {
          reject(
            new ListRequestError(`request to ${url} failed: ${error.message}`),
          );
        }
      });
    });
  }
}
