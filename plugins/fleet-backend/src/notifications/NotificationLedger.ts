import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DateKind, Threshold } from './thresholds';

const TABLE = 'fleet_lifecycle_notifications';

export type NotificationKey = {
  clusterRef: string;
  /** A lifecycle date, or `rollout`: the cluster's wave was promoted (RolloutNotifier). */
  kind: DateKind | 'rollout';
  /** YYYY-MM-DD */
  date: string;
  /** A lifecycle threshold, or for `rollout` the version key (at most 16 characters). */
  threshold: Threshold | string;
};

type Row = {
  cluster_ref: string;
  date_kind: string;
  date_value: string;
  threshold: string;
};

function toRow(key: NotificationKey): Row {
  return {
    cluster_ref: key.clusterRef,
    date_kind: key.kind,
    date_value: key.date,
    threshold: key.threshold,
  };
}

function rowId(row: Row): string {
  return JSON.stringify([
    row.cluster_ref,
    row.date_kind,
    row.date_value,
    row.threshold,
  ]);
}

/** How long an unsent claim is kept for its claimer by default: the notification task's timeout. */
export const DEFAULT_CLAIM_TIMEOUT_MS = 15 * 60 * 1000;

export type ClaimOptions = {
  now?: Date;
  /**
   * How long the claim is the claimer's alone. A claim still unsent after it is presumed dead (its
   * replica stopped between claim and send) and taken over by the next run. Use the task's timeout:
   * by then the scheduler, too, gives the run up.
   */
  timeoutMs?: number;
};

/**
 * Which lifecycle notifications have been sent, shared by every replica through the database.
 * The unique key decides races: whoever inserts the row sends the notification, then marks it sent.
 *
 * What a replica stopped mid-run leaves behind (the trade-off is at-least-once, never lost):
 * - stopped between claim and send: the claim expires and the next run sends it — nothing lost;
 * - stopped between send and `markSent`: the claim expires and the next run sends it again — one
 *   duplicate, recorded as `attempts` 2 on the key's row.
 */
export class NotificationLedger {
  constructor(private readonly db: Knex) {}

  /**
   * Identifiers of every key that is sent or claimed by a live run, to skip known ones without a
   * failing insert each. Expired unsent claims are left out: they are to be taken over.
   */
  async claimedIds(now = new Date()): Promise<Set<string>> {
    const rows: Row[] = await this.db(TABLE)
      .where(q =>
        q
          .whereNotNull('sent_at')
          .orWhereNull('claim_expires_at')
          .orWhere('claim_expires_at', '>', now.toISOString()),
      )
      .select('cluster_ref', 'date_kind', 'date_value', 'threshold');
    return new Set(rows.map(rowId));
  }

  static id(key: NotificationKey): string {
    return rowId(toRow(key));
  }

  /**
   * True when this caller claimed the key: it was new, or its earlier claim expired unsent. False
   * when someone has it (sent, or claimed by a run that is still within its time).
   */
  async claim(
    key: NotificationKey,
    options: ClaimOptions = {},
  ): Promise<boolean> {
    const now = options.now ?? new Date();
    const expiresAt = new Date(
      now.getTime() + (options.timeoutMs ?? DEFAULT_CLAIM_TIMEOUT_MS),
    ).toISOString();
    try {
      await this.db(TABLE).insert({
        ...toRow(key),
        sent_at: null,
        claim_expires_at: expiresAt,
        attempts: 1,
      });
      return true;
    } catch (error) {
      if (!isDatabaseConflictError(error)) {
        throw error;
      }
    }
    // Taken over only when unsent and expired; the conditional update lets one taker win.
    const taken = await this.db(TABLE)
      .where(toRow(key))
      .whereNull('sent_at')
      .where('claim_expires_at', '<=', now.toISOString())
      .update({
        claim_expires_at: expiresAt,
        attempts: this.db.raw('attempts + 1'),
      });
    return taken > 0;
  }

  /** Records that the claimed key's notification went out. */
  async markSent(key: NotificationKey, now = new Date()): Promise<void> {
    await this.db(TABLE)
      .where(toRow(key))
      .update({ sent_at: now.toISOString() });
  }

  /** Gives a claim back after a failed send, so that the next run retries. */
  async release(key: NotificationKey): Promise<void> {
    await this.db(TABLE).where(toRow(key)).delete();
  }
}
