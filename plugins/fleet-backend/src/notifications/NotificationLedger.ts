import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { DateKind, Threshold } from './thresholds';

const TABLE = 'fleet_lifecycle_notifications';

export type NotificationKey = {
  clusterRef: string;
  kind: DateKind;
  date: string;
  threshold: Threshold;
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

/**
 * Which lifecycle notifications have been sent, shared by every replica through the database.
 * The unique key decides races: whoever inserts the row sends the notification.
 */
export class NotificationLedger {
  constructor(private readonly db: Knex) {}

  /** Identifiers of every claimed key, to skip known ones without a failing insert each. */
  async claimedIds(): Promise<Set<string>> {
    const rows: Row[] = await this.db(TABLE).select(
      'cluster_ref',
      'date_kind',
      'date_value',
      'threshold',
    );
    return new Set(rows.map(rowId));
  }

  static id(key: NotificationKey): string {
    return rowId(toRow(key));
  }

  /** True when this caller claimed the key; false when someone already had. */
  async claim(key: NotificationKey): Promise<boolean> {
    try {
      await this.db(TABLE).insert(toRow(key));
      return true;
    } catch (error) {
      if (isDatabaseConflictError(error)) {
        return false;
      }
      throw error;
    }
  }

  /** Gives a claim back after a failed send, so that the next run retries. */
  async release(key: NotificationKey): Promise<void> {
    await this.db(TABLE).where(toRow(key)).delete();
  }
}
