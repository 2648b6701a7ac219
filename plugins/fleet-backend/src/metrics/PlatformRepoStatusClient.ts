import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PLATFORM_REPO_STATUS_PATH,
  PlatformRepoStatus,
} from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod';

const DEFAULT_TIMEOUT_MS = 10_000;

const statusList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      remote: z.string(),
      branch: z.string(),
      lastAttemptAt: z.string().optional(),
      failure: z.string().optional(),
      lastRead: z
        .object({
          commit: z.string(),
          at: z.string(),
          entities: z.object({
            profiles: z.number(),
            clusters: z.number(),
            namespaces: z.number(),
          }),
          skippedFiles: z.number(),
          problems: z.array(
            z.object({
              path: z.string(),
              line: z.number().optional(),
              reason: z.string(),
              lastGoodKept: z.boolean(),
            }),
          ),
        })
        .optional(),
    }),
  ),
});

/**
 * Reads the state of the platform repositories from the catalog module's status route
 * (`/api/catalog/fleet/platform-repositories`), as the fleet plugin itself: the
 * provider runs in the catalog, and backends talk to each other over HTTP only.
 */
export class PlatformRepoStatusClient {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #timeoutMs: number;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    timeoutMs?: number;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * Every configured platform repository's state; undefined when the catalog has no
   * such route (the fleet catalog module is not installed). Rejects when the catalog
   * cannot be asked or answers with something else.
   */
  async list(): Promise<PlatformRepoStatus[] | undefined> {
    const baseUrl = await this.#discovery.getBaseUrl('catalog');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: await this.#auth.getOwnServiceCredentials(),
      targetPluginId: 'catalog',
    });
    const response = await fetch(`${baseUrl}${PLATFORM_REPO_STATUS_PATH}`, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(this.#timeoutMs),
    });
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const parsed = statusList.safeParse(await response.json());
    if (!parsed.success) {
      throw new Error(
        `The catalog answered ${PLATFORM_REPO_STATUS_PATH} with an unexpected shape: ${parsed.error.issues
          .slice(0, 3)
          .map(issue => `${issue.path.join('.') || '<root>'}: ${issue.message}`)
          .join('; ')}`,
      );
    }
    return parsed.data.items;
  }
}
