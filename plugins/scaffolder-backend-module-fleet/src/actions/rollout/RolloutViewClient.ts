import type {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { RolloutView } from '@fleet-portal/plugin-fleet-common';
import { z } from 'zod';

/** What the promote action needs of the fleet backend's rollout API. */
export type RolloutViewSource = {
  /** The rollout of a profile (its entity name), read as the given user. */
  view(
    profile: string,
    credentials: BackstageCredentials,
  ): Promise<RolloutView>;
};

// The parts of a RolloutView (fleet-common api/rollout.ts) the promotion decides on, checked so
// that an answer of another shape is refused instead of promoting on a guess.
const gateSchema = z
  .object({
    wave: z.string(),
    verdict: z.enum(['open', 'closed', 'unknown']),
    reason: z.string(),
    evidence: z.object({}).passthrough(),
  })
  .passthrough();
const viewSchema = z
  .object({
    profileRef: z.string(),
    profileName: z.string(),
    targetVersion: z.string().min(1),
    allowedVersions: z.array(z.string()),
    waves: z.array(
      z
        .object({
          name: z.string(),
          position: z.number(),
          clusters: z.array(
            z
              .object({
                entityRef: z.string(),
                name: z.string(),
                version: z.string().optional(),
                onTarget: z.boolean(),
                versionAllowed: z.boolean(),
              })
              .passthrough(),
          ),
          gate: gateSchema.optional(),
        })
        .passthrough(),
    ),
    nextWave: z.string().optional(),
    gate: gateSchema.optional(),
    promotable: z.boolean(),
    summary: z.string(),
  })
  .passthrough();

/** The longest answer read; a rollout of 10,000 clusters with their owners fits many times. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * Reads `GET /api/fleet/rollouts/:profile` of the fleet backend with a token on behalf of the
 * user, so the view — and the gate's verdict in it — is the one that user may see, judged by
 * the backend (the promote action never judges a gate itself).
 */
export class RolloutViewClient implements RolloutViewSource {
  readonly #discovery: DiscoveryService;
  readonly #auth: AuthService;
  readonly #fetch: typeof fetch;

  constructor(options: {
    discovery: DiscoveryService;
    auth: AuthService;
    fetch?: typeof fetch;
  }) {
    this.#discovery = options.discovery;
    this.#auth = options.auth;
    this.#fetch = options.fetch ?? fetch;
  }

  async view(
    profile: string,
    credentials: BackstageCredentials,
  ): Promise<RolloutView> {
    const baseUrl = await this.#discovery.getBaseUrl('fleet');
    const { token } = await this.#auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'fleet',
    });
    const unavailable = (why: string) =>
      new ServiceUnavailableError(
        `The fleet backend could not tell the rollout of ${profile} (${why}); nothing was promoted — try again`,
      );
    let response: Response;
    try {
      response = await this.#fetch(
        `${baseUrl}/rollouts/${encodeURIComponent(profile)}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
    } catch (error) {
      throw unavailable((error as Error).message);
    }
    if (response.status === 404) {
      throw new InputError(
        `profile: there is no governed cluster profile ${profile} with a rollout`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new NotAllowedError(
        `You may not see the rollout of ${profile} (the fleet backend answered ${response.status}), so you cannot promote it`,
      );
    }
    if (!response.ok) {
      throw unavailable(`it answered ${response.status}`);
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_RESPONSE_BYTES) {
      throw unavailable('its answer is too large');
    }
    let parsed;
    try {
      parsed = viewSchema.safeParse(await response.json());
    } catch {
      throw unavailable('its answer is not JSON');
    }
    if (!parsed.success) {
      throw unavailable('its answer is not a rollout view');
    }
    return parsed.data as unknown as RolloutView;
  }
}
