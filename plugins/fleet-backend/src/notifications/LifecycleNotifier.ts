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
import { NotifierRunResult, SendOnceContext, sendOnce } from './sendOnce';
import { DueNotice, dueNotice } from './thresholds';

export type { NotifierRunResult } from './sendOnce';

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
    const { inventory, ledger, notifications, logger, auth } = this.options;
    const { today, clusters } = await inventory.snapshot(
      await auth.getOwnServiceCredentials(),
    );
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
        await sendOnce(context, {
          owner: cluster.owner,
          key,
          payload: lifecycleNotification(key.clusterRef, notice),
          about: `about the ${key.kind} date ${key.date} of ${key.clusterRef}`,
        });
      }
    }
    return result;
  }
}

function dueNotices(cluster: LifecycleFields, today: string): DueNotice[] {
  return [
    dueNotice('review', cluster.reviewBy, today),
    dueNotice('retire', cluster.retireBy, today),
  ].filter((notice): notice is DueNotice => notice !== undefined);
}
