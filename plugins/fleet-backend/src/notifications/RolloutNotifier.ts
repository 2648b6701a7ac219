import { createHash } from 'node:crypto';
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { parseVersionSince } from '@fleet-portal/plugin-fleet-common';
import { Clock } from '../clock';
import { FleetInventory } from '../service/FleetInventory';
import {
  DEFAULT_CLAIM_TIMEOUT_MS,
  NotificationKey,
  NotificationLedger,
} from './NotificationLedger';
import { PromotionNotice, promotionNotification } from './rolloutMessage';
import { NotifierRunResult, SendOnceContext, sendOnce } from './sendOnce';

const DAY_MS = 86_400_000;
/** A promotion older than this when first seen is history, not news (e.g. on the first run). */
export const PROMOTION_NEWS_DAYS = 7;
const MAX_VERSION_KEY = 16;

/** The ledger's threshold column holds 16 characters: longer versions go by a digest. */
function versionKey(version: string): string {
  return version.length <= MAX_VERSION_KEY
    ? version
    : createHash('sha256')
        .update(version)
        .digest('hex')
        .slice(0, MAX_VERSION_KEY);
}

/**
 * Tells a cluster's owner when its wave has been promoted: once the promotion has merged, the
 * next catalog snapshot shows the cluster on its profile's version with a new
 * `spec.rollout.versionSince`. Each (cluster, versionSince, version) is sent once, whichever
 * replica runs, through the lifecycle notifications' ledger.
 */
export class RolloutNotifier {
  constructor(
    private readonly options: {
      inventory: FleetInventory;
      ledger: NotificationLedger;
      notifications: NotificationService;
      auth: AuthService;
      logger: LoggerService;
      clock: Clock;
    },
  ) {}

  async run(
    options: { claimTimeoutMs?: number } = {},
  ): Promise<NotifierRunResult> {
    const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
    const { inventory, ledger, notifications, logger, auth, clock } =
      this.options;
    const { clusters } = await inventory.snapshot(
      await auth.getOwnServiceCredentials(),
    );
    const now = clock.now().getTime();
    const result: NotifierRunResult = { sent: 0, failed: 0 };
    const context: SendOnceContext = {
      ledger,
      notifications,
      logger,
      claimed: await ledger.claimedIds(),
      claimTimeoutMs,
      result,
    };
    for (const cluster of clusters) {
      const { entity, profile, owner } = cluster;
      // only governed clusters of governed profiles, promoted to their profile's version
      if (!owner || !cluster.fromPlatformRepository || !profile) continue;
      const since = entity.spec.rollout?.versionSince;
      const version = entity.spec.profileVersion;
      if (!since || !version || version !== profile.spec.version) continue;
      const at = parseVersionSince(since);
      if (
        !at ||
        at.getTime() > now ||
        now - at.getTime() > PROMOTION_NEWS_DAYS * DAY_MS
      ) {
        continue;
      }
      const notice: PromotionNotice = {
        clusterRef: cluster.entityRef,
        profile: profile.metadata.name,
        version,
        wave: entity.spec.rollout?.wave,
        since,
        date: at.toISOString().slice(0, 10),
        versionKey: versionKey(version),
      };
      const key: NotificationKey = {
        clusterRef: notice.clusterRef,
        kind: 'rollout',
        date: notice.date,
        threshold: notice.versionKey,
      };
      await sendOnce(context, {
        owner,
        key,
        payload: promotionNotification(notice),
        about: `that ${key.clusterRef} moves to ${notice.profile} ${notice.version}`,
      });
    }
    return result;
  }
}
