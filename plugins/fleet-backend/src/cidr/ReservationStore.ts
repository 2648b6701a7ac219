import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  CidrReservation,
  CidrReservationStatus,
  CidrRole,
} from '@fleet-portal/plugin-fleet-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { memoizedCidrParser } from '../lifecycle/cidrParser';
import { Occupant } from './occupancy';

const RESERVATIONS = 'fleet_cidr_reservations';
const BLOCKS = 'fleet_cidr_blocks';
const RELEASES = 'fleet_cidr_releases';

/** Who released a reservation and why, recorded in `fleet_cidr_releases`. */
export type ReleaseRecord = {
  /** A user entity ref, or `fleet-backend` for the sweep. */
  by: string;
  at: Date;
  reason: string;
};

export type ChosenBlock = { cidr: string; pool: string };
export type ChosenBlocks = { pod: ChosenBlock; service: ChosenBlock };

export type ReserveInput = {
  cluster: string;
  profileRef: string;
  requestedBy: string;
  now: Date;
  expiresAt: Date;
  /** The proposal the reservation follows; a re-reservation moves it to the newest proposal. */
  proposal?: { branch: string; repository?: string };
  /**
   * Chooses the blocks, given the blocks of every other reservation as read inside the transaction.
   * Throws (InputError, ConflictError) when there are none to choose; that is not retried.
   */
  choose(reserved: Occupant[]): ChosenBlocks;
  /** Throws when the cluster's existing reservation does not fit the request. */
  checkExisting(existing: CidrReservation): void;
};

export type ReserveResult = { reservation: CidrReservation; created: boolean };

type ReservationRow = {
  id: string;
  cluster: string;
  profile_ref: string;
  requested_by: string;
  status: string;
  pod_cidr: string;
  pod_pool: string;
  service_cidr: string;
  service_pool: string;
  created_at: string;
  expires_at: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  proposal_branch?: string | null;
  platform_repo?: string | null;
  cluster_gone_at?: string | null;
};

type BlockRow = {
  cidr: string;
  reservation_id: string;
  role: string;
  family: number;
  pool: string;
};

function toReservation(row: ReservationRow): CidrReservation {
  return {
    id: row.id,
    cluster: row.cluster,
    profileRef: row.profile_ref,
    podCidr: row.pod_cidr,
    podPool: row.pod_pool,
    serviceCidr: row.service_cidr,
    servicePool: row.service_pool,
    status: row.status as CidrReservationStatus,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    ...(row.expires_at && { expiresAt: row.expires_at }),
    ...(row.confirmed_at && { confirmedAt: row.confirmed_at }),
    ...(row.confirmed_by && { confirmedBy: row.confirmed_by }),
    ...(row.proposal_branch && {
      proposal: {
        branch: row.proposal_branch,
        ...(row.platform_repo && { repository: row.platform_repo }),
      },
    }),
    ...(row.cluster_gone_at && { clusterGoneAt: row.cluster_gone_at }),
  };
}

/** A unique-key or (PostgreSQL) exclusion-constraint violation: someone else took the block or name. */
function isLostRace(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return isDatabaseConflictError(error) || code === '23505' || code === '23P01';
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * CIDR reservations in the plugin's database. The database decides races (see the migration): an
 * insert that lost one is rolled back and the choice is recomputed from the committed state.
 */
export class ReservationStore {
  /** Held blocks are re-read on every allocation; their text rarely changes, so parse each once. */
  private readonly parseCidr = memoizedCidrParser();

  /** How many transactions lost a race and were retried, since start. */
  lostRaces = 0;

  constructor(
    private readonly db: Knex,
    private readonly options: { maxAttempts?: number } = {},
  ) {}

  async reserve(input: ReserveInput): Promise<ReserveResult> {
    const maxAttempts = this.options.maxAttempts ?? 40;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        return await this.db.transaction(tx => this.reserveOnce(tx, input));
      } catch (error) {
        if (!isLostRace(error)) {
          throw error;
        }
        this.lostRaces++;
        // Each lost race means another reservation committed; a little jitter spreads the retries.
        await sleep(Math.random() * 5 * Math.min(attempt, 4));
      }
    }
    throw new ConflictError(
      `Could not reserve CIDRs for cluster ${input.cluster}: ${maxAttempts} attempts lost to concurrent reservations; try again`,
    );
  }

  private async reserveOnce(
    tx: Knex.Transaction,
    input: ReserveInput,
  ): Promise<ReserveResult> {
    const existing = await tx<ReservationRow>(RESERVATIONS)
      .where({ cluster: input.cluster })
      .first();
    if (existing) {
      const reservation = toReservation(existing);
      input.checkExisting(reservation);
      if (reservation.status === 'pending') {
        const update: Partial<ReservationRow> = {};
        const expiresAt = input.expiresAt.toISOString();
        if (!existing.expires_at || expiresAt > existing.expires_at) {
          update.expires_at = expiresAt;
        }
        if (
          input.proposal &&
          input.proposal.branch !== existing.proposal_branch
        ) {
          // A later request for the same name (the earlier proposal abandoned or not) is the one
          // the reservation now waits for.
          update.proposal_branch = input.proposal.branch;
          update.platform_repo = input.proposal.repository ?? null;
        }
        if (Object.keys(update).length > 0) {
          await tx(RESERVATIONS).where({ id: existing.id }).update(update);
          return {
            reservation: toReservation({ ...existing, ...update }),
            created: false,
          };
        }
      }
      return { reservation, created: false };
    }

    const chosen = input.choose(await this.occupantsIn(tx));
    const row: ReservationRow = {
      id: randomUUID(),
      cluster: input.cluster,
      profile_ref: input.profileRef,
      requested_by: input.requestedBy,
      status: 'pending',
      pod_cidr: chosen.pod.cidr,
      pod_pool: chosen.pod.pool,
      service_cidr: chosen.service.cidr,
      service_pool: chosen.service.pool,
      created_at: input.now.toISOString(),
      expires_at: input.expiresAt.toISOString(),
      confirmed_at: null,
      confirmed_by: null,
      proposal_branch: input.proposal?.branch ?? null,
      platform_repo: input.proposal?.repository ?? null,
      cluster_gone_at: null,
    };
    await tx(RESERVATIONS).insert(row);
    await tx(BLOCKS).insert(
      (['pod', 'service'] as const).map(role =>
        blockRow(row.id, role, chosen[role]),
      ),
    );
    return { reservation: toReservation(row), created: true };
  }

  /** Every reserved block, naming the cluster it is reserved for; optionally leaving one cluster out. */
  async occupants(exceptCluster?: string): Promise<Occupant[]> {
    const all = await this.occupantsIn(this.db);
    return exceptCluster === undefined
      ? all
      : all.filter(o => o.name !== exceptCluster);
  }

  private async occupantsIn(db: Knex): Promise<Occupant[]> {
    const rows: Array<{ cidr: string; role: string; cluster: string }> =
      await db(BLOCKS)
        .join(RESERVATIONS, `${BLOCKS}.reservation_id`, `${RESERVATIONS}.id`)
        .select(`${BLOCKS}.cidr`, `${BLOCKS}.role`, `${RESERVATIONS}.cluster`);
    return rows.flatMap(row => {
      const parsed = this.parseCidr(row.cidr);
      return parsed.ok
        ? [
            {
              cidr: parsed.cidr,
              kind: 'reservation' as const,
              name: row.cluster,
              role: row.role as CidrRole,
            },
          ]
        : [];
    });
  }

  async list(
    filter: { cluster?: string; status?: CidrReservationStatus } = {},
  ) {
    const query = this.db<ReservationRow>(RESERVATIONS).orderBy('created_at');
    if (filter.cluster) {
      query.where({ cluster: filter.cluster });
    }
    if (filter.status) {
      query.where({ status: filter.status });
    }
    return (await query).map(toReservation);
  }

  async findByCluster(cluster: string): Promise<CidrReservation | undefined> {
    const row = await this.db<ReservationRow>(RESERVATIONS)
      .where({ cluster })
      .first();
    return row && toReservation(row);
  }

  async get(id: string): Promise<CidrReservation | undefined> {
    const row = await this.db<ReservationRow>(RESERVATIONS)
      .where({ id })
      .first();
    return row && toReservation(row);
  }

  /**
   * Deletes a reservation and its blocks and records who released it and why; false when there
   * was none with that id (or, with `status`, none in that status any more).
   */
  async release(
    id: string,
    record: ReleaseRecord,
    where: { status?: CidrReservationStatus } = {},
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const row = await tx<ReservationRow>(RESERVATIONS)
        .where({ id, ...(where.status && { status: where.status }) })
        .first();
      if (!row) {
        return false;
      }
      await tx(BLOCKS).where({ reservation_id: id }).delete();
      await tx(RESERVATIONS).where({ id }).delete();
      await tx(RELEASES).insert(releaseRow(row, record));
      return true;
    });
  }

  /** The recorded releases of a cluster's reservations, oldest first. */
  async releases(cluster: string) {
    const rows: Array<Record<string, string>> = await this.db(RELEASES)
      .where({ cluster })
      .orderBy('id');
    return rows.map(row => ({
      reservationId: row.reservation_id,
      cluster: row.cluster,
      status: row.status as CidrReservationStatus,
      podCidr: row.pod_cidr,
      serviceCidr: row.service_cidr,
      releasedAt: row.released_at,
      releasedBy: row.released_by,
      reason: row.reason,
    }));
  }

  /**
   * Releases the pending reservations whose time is up, except those in `held` (their proposal
   * branch is still open); returns them.
   */
  async releaseExpired(
    now: Date,
    held: ReadonlySet<string> = new Set(),
  ): Promise<CidrReservation[]> {
    const cutoff = now.toISOString();
    const candidates = await this.db<ReservationRow>(RESERVATIONS)
      .where({ status: 'pending' })
      .where('expires_at', '<=', cutoff);
    const released: CidrReservation[] = [];
    for (const row of candidates.filter(r => !held.has(r.id))) {
      await this.db.transaction(async tx => {
        // Re-checked inside the transaction: a retried request may just have extended it.
        const deleted = await tx(RESERVATIONS)
          .where({ id: row.id, status: 'pending' })
          .where('expires_at', '<=', cutoff)
          .delete();
        if (deleted > 0) {
          await tx(BLOCKS).where({ reservation_id: row.id }).delete();
          await tx(RELEASES).insert(
            releaseRow(row, {
              by: 'fleet-backend',
              at: now,
              reason: `pending past ${row.expires_at}`,
            }),
          );
          released.push(toReservation(row));
        }
      });
    }
    return released;
  }

  /** Records when a confirmed reservation's cluster was first missing from the catalog (or clears it). */
  async markClusterGone(id: string, at: Date | null): Promise<void> {
    await this.db(RESERVATIONS)
      .where({ id, status: 'confirmed' })
      .update({ cluster_gone_at: at ? at.toISOString() : null });
  }

  async confirm(id: string, by: string, now: Date): Promise<void> {
    await this.db(RESERVATIONS).where({ id, status: 'pending' }).update({
      status: 'confirmed',
      expires_at: null,
      confirmed_at: now.toISOString(),
      confirmed_by: by,
    });
  }
}

function releaseRow(row: ReservationRow, record: ReleaseRecord) {
  return {
    reservation_id: row.id,
    cluster: row.cluster,
    status: row.status,
    pod_cidr: row.pod_cidr,
    service_cidr: row.service_cidr,
    released_at: record.at.toISOString(),
    released_by: record.by,
    reason: record.reason,
  };
}

function blockRow(
  reservationId: string,
  role: CidrRole,
  block: ChosenBlock,
): BlockRow {
  return {
    cidr: block.cidr,
    reservation_id: reservationId,
    role,
    family: block.cidr.includes(':') ? 6 : 4,
    pool: block.pool,
  };
}
