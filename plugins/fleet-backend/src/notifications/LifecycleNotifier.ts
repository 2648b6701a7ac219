import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { LifecycleFields } from '../lifecycle/clusterRecords';
import { FleetInventory } from '../service/FleetInventory';
import { lifecycleNotification } from './message';
import {
  DEFAULT_CLAIM_TIMEOUT_MS,
  NotificationKey,
  NotificationLedger,
} from './NotificationLedger';
import { DueNotice, dueNotice } from './thresholds';

export type NotifierRunResult = { sent: number; failed: number };

/**
 * Tells owning groups about review and retire-by dates ahead of time and once they have passed, for the
 * clusters of the platform repository.
 */
export class LifecycleNotifier {
  constructor(
    private readonly options: {
      inventory: FleetInventory;
      ledger: NotificationLedger;
      notifications: NotificationService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  /**
   * Sends what is due and not yet claimed. `claimTimeoutMs`: how long a claim is this run's alone
   * before another run may take it over (see NotificationLedger) — the notification task's timeout.
   */
  async run(
    options: { claimTimeoutMs?: number } = {},
  ): Promise<NotifierRunResult> {
    const claimTimeoutMs = options.claimTimeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS;
    const { inventory, ledger, auth } = this.options;
    const { today, clusters } = await inventory.snapshot(
      await auth.getOwnServiceCredentials(),
    );
    const claimed = await ledger.claimedIds();
    const result: NotifierRunResult = { sent: 0, failed: 0 };
    for (const cluster of clusters) {
      if (!cluster.owner) {
        continue; // nobody to tell; reported as a no-owner finding
      }
      if (!cluster.fromPlatformRepository) {
        // anyone who can register a location could name any group as owner: not governed, no messages
        continue;
      }
      for (const notice of dueNotices(cluster, today)) {
        const key: NotificationKey = {
          clusterRef: cluster.entityRef,
          kind: notice.kind,
          date: notice.date,
          threshold: notice.threshold,
        };
        if (!claimed.has(NotificationLedger.id(key))) {
          const outcome = await this.notify(
            cluster.owner,
            key,
            notice,
            claimTimeoutMs,
          );
          if (outcome !== 'skipped') result[outcome] += 1;
        }
      }
    }
    return result;
  }

  private async notify(
    owner: string,
    key: NotificationKey,
    notice: DueNotice,
    claimTimeoutMs: number,
  ): Promise<'sent' | 'failed' | 'skipped'> {
    const { ledger, notifications, logger } = this.options;
    const claimed = await ledger.claim(key, { timeoutMs: claimTimeoutMs });
    if (!claimed) {
      return 'skipped'; // another replica or run got there first
    }
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: lifecycleNotification(key.clusterRef, notice),
      });
    } catch (error) {
      logger.warn(
        `Could not notify ${owner} about the ${key.kind} date ${key.date} of ${key.clusterRef}; will retry on the next run`,
        error as Error,
      );
      await ledger.release(key);
      return 'failed';
    }
    try {
      await ledger.markSent(key);
    } catch (error) {
      // sent, but not recorded: after the claim expires the next run sends it again (attempts 2)
      logger.warn(
        `Notified ${owner} about the ${key.kind} date ${key.date} of ${key.clusterRef} but could not record it; it may be sent once more`,
        error as Error,
      );
    }
    return 'sent';
  }
}

function dueNotices(cluster: LifecycleFields, today: string): DueNotice[] {
  return [
    dueNotice('review', cluster.reviewBy, today),
    dueNotice('retire', cluster.retireBy, today),
  ].filter((notice): notice is DueNotice => notice !== undefined);
}
