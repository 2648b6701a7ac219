import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationPayload } from '@backstage/plugin-notifications-common';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationKey, NotificationLedger } from './NotificationLedger';

export type NotifierRunResult = { sent: number; failed: number };

/** What one notifier run needs to send a notice at most once across replicas. */
export type SendOnceContext = {
  ledger: NotificationLedger;
  notifications: NotificationService;
  logger: LoggerService;
  /** Ids already claimed or sent, read once per run (`ledger.claimedIds()`). */
  claimed: Set<string>;
  /** How long a claim is this run's alone before another run may take it over. */
  claimTimeoutMs: number;
  result: NotifierRunResult;
};

/**
 * Sends one notice to the owner unless the ledger says it was claimed or sent: claim, send, then
 * record. A failed send releases the claim so the next run retries; a send that could not be
 * recorded may be sent once more after the claim expires. `about` completes "notify <owner> …".
 */
export async function sendOnce(
  context: SendOnceContext,
  notice: {
    owner: string;
    key: NotificationKey;
    payload: NotificationPayload;
    about: string;
  },
): Promise<void> {
  const { ledger, notifications, logger, claimed, claimTimeoutMs, result } =
    context;
  const { owner, key, payload, about } = notice;
  if (claimed.has(NotificationLedger.id(key))) return;
  if (!(await ledger.claim(key, { timeoutMs: claimTimeoutMs }))) {
    return; // another replica or run got there first
  }
  try {
    await notifications.send({
      recipients: { type: 'entity', entityRef: owner },
      payload,
    });
  } catch (error) {
    logger.warn(
      `Could not notify ${owner} ${about}; will retry on the next run`,
      error as Error,
    );
    await ledger.release(key);
    result.failed += 1;
    return;
  }
  try {
    await ledger.markSent(key);
  } catch (error) {
    logger.warn(
      `Notified ${owner} ${about} but could not record it; it may be sent once more`,
      error as Error,
    );
  }
  result.sent += 1;
}
