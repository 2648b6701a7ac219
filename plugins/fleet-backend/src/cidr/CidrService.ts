import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  CidrPreview,
  CidrPreviewRequest,
  CidrReservation,
  CidrReservationRequest,
  CidrReservationStatus,
  parseCidr,
  RetiredCluster,
} from '@fleet-portal/plugin-fleet-common';
import { Clock } from '../clock';
import { CatalogClusters, CatalogNetworks } from './CatalogNetworks';
import { CidrConfig } from './cidrConfig';
import { Occupancy } from './occupancy';
import { acceptedBlocks } from './planErrors';
import { planBlocks } from './planBlocks';
import { profilePools } from './profilePools';
import { ProposalBranches } from './ProposalBranches';
import { ReservationStore, ReserveResult } from './ReservationStore';

/** Who the sweep's releases are recorded as. */
const SWEEP = 'fleet-backend';

export type SweepResult = {
  released: CidrReservation[];
  confirmed: CidrReservation[];
  /** Pending reservations past their expiry that are held because their proposal branch is open. */
  held: CidrReservation[];
};

/** The canonical text of a CIDR, or the text itself when it does not parse. */
function canonical(text: string | undefined): string | undefined {
  if (text === undefined) {
    return undefined;
  }
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.cidr.text : text;
}

/** Allocates, validates and reserves pod and service CIDRs for clusters being requested. */
export class CidrService {
  private readonly indexed = new WeakMap<CatalogClusters, Occupancy>();

  constructor(
    private readonly deps: {
      store: ReservationStore;
      catalog: CatalogNetworks;
      config: CidrConfig;
      clock: Clock;
      logger: LoggerService;
      /** The platform repository's branches; without it every reservation follows its TTL. */
      proposals?: ProposalBranches;
    },
  ) {}

  /** What a reservation would get now, storing nothing. */
  async preview(request: CidrPreviewRequest): Promise<CidrPreview> {
    const { store, catalog } = this.deps;
    const profile = await catalog.profileNetwork(request.profileRef);
    const pools = profilePools(profile.ref, profile.network);
    const existing = request.cluster
      ? await store.findByCluster(request.cluster)
      : undefined;
    const head: Pick<CidrPreview, 'profileRef' | 'cluster'> = {
      profileRef: profile.ref,
      ...(request.cluster && { cluster: request.cluster }),
    };
    if (existing && !request.podCidr && !request.serviceCidr) {
      return {
        ...head,
        pod: {
          ok: true,
          role: 'pod',
          cidr: existing.podCidr,
          pool: existing.podPool,
          source: 'reservation',
        },
        service: {
          ok: true,
          role: 'service',
          cidr: existing.serviceCidr,
          pool: existing.servicePool,
          source: 'reservation',
        },
        reservation: existing,
      };
    }
    const [base, reserved] = await Promise.all([
      this.baseOccupancy(),
      store.occupants(request.cluster),
    ]);
    const plan = planBlocks({
      pools,
      occupancy: base.with(reserved),
      requested: request,
      holder: request.cluster ?? 'the requested cluster',
    });
    return { ...head, ...plan, ...(existing && { reservation: existing }) };
  }

  async reserve(request: CidrReservationRequest): Promise<ReserveResult> {
    const { store, catalog, config, clock } = this.deps;
    const profile = await catalog.profileNetwork(request.profileRef);
    const pools = profilePools(profile.ref, profile.network);
    const base = await this.baseOccupancy();
    const now = clock.now();
    const ttl = request.ttlMinutes ?? config.reservationTtlMinutes;
    const result = await store.reserve({
      cluster: request.cluster,
      profileRef: profile.ref,
      requestedBy: request.requestedBy,
      now,
      expiresAt: new Date(now.getTime() + ttl * 60_000),
      ...(request.proposalBranch && {
        proposal: {
          branch: request.proposalBranch,
          repository: this.deps.proposals?.repository,
        },
      }),
      choose: reserved =>
        acceptedBlocks(
          planBlocks({
            pools,
            occupancy: base.with(reserved),
            requested: request,
            holder: request.cluster,
          }),
          pools,
        ),
      checkExisting: existing => checkExisting(existing, request, profile.ref),
    });
    if (result.created) {
      this.deps.logger.info(
        `Reserved pod CIDR ${result.reservation.podCidr} and service CIDR ${result.reservation.serviceCidr} for cluster ${request.cluster} (${request.requestedBy})`,
      );
    }
    return result;
  }

  async list(filter: { cluster?: string; status?: CidrReservationStatus }) {
    return (await this.deps.store.list(filter)).map(r => this.withReleaseAt(r));
  }

  /** Clusters that left the catalog and whose CIDRs are held until their grace period ends. */
  async retired(): Promise<RetiredCluster[]> {
    const confirmed = await this.deps.store.list({ status: 'confirmed' });
    return confirmed.flatMap(r => {
      const { releaseAt, clusterGoneAt } = this.withReleaseAt(r);
      return releaseAt && clusterGoneAt
        ? [
            {
              cluster: r.cluster,
              ...(r.confirmedBy && { entityRef: r.confirmedBy }),
              podCidr: r.podCidr,
              serviceCidr: r.serviceCidr,
              goneSince: clusterGoneAt,
              cidrsFreeAt: releaseAt,
            },
          ]
        : [];
    });
  }

  /**
   * Releases a reservation by hand. A confirmed one belongs to a cluster that exists (or existed):
   * only with a reason, which is recorded with who and when.
   */
  async release(
    id: string,
    by: { userEntityRef: string; reason?: string },
  ): Promise<void> {
    const { store, clock, logger } = this.deps;
    const reservation = await store.get(id);
    if (!reservation) {
      throw new NotFoundError(`No CIDR reservation ${id}`);
    }
    const reason = by.reason?.trim();
    if (reservation.status === 'confirmed' && !reason) {
      throw new InputError(
        `reason: CIDR reservation ${id} of cluster ${reservation.cluster} is confirmed (the cluster is or was in the fleet); give a reason to release it`,
      );
    }
    const released = await store.release(
      id,
      {
        by: by.userEntityRef,
        at: clock.now(),
        reason: reason || 'released by hand',
      },
      { status: reservation.status },
    );
    if (!released) {
      throw new ConflictError(
        `CIDR reservation ${id} of cluster ${reservation.cluster} changed while it was being released; look at it again`,
      );
    }
    logger.info(
      `Released ${reservation.status} CIDR reservation ${id} of cluster ${
        reservation.cluster
      } (${reservation.podCidr}, ${reservation.serviceCidr}) by ${
        by.userEntityRef
      }${reason ? `: ${reason}` : ''}`,
    );
  }

  /**
   * Confirms pending reservations whose cluster is in the catalog with the reserved CIDRs (or, for
   * one that follows a proposal, whose cluster file is on the main branch); holds those whose
   * proposal branch is open; releases those whose branch was deleted unmerged and the expired ones
   * without a branch; and releases the confirmed reservations of clusters gone from the catalog
   * once the grace period since the sweep first missed them has passed.
   */
  async sweep(): Promise<SweepResult> {
    const { store, catalog, clock, logger } = this.deps;
    const now = clock.now();
    const { clusters } = await catalog.readClusters();
    const byName = new Map<string, typeof clusters>();
    for (const cluster of clusters) {
      byName.set(cluster.name, [...(byName.get(cluster.name) ?? []), cluster]);
    }
    const confirmed: CidrReservation[] = [];
    const released: CidrReservation[] = [];
    const following: CidrReservation[] = [];
    for (const reservation of await store.list({ status: 'pending' })) {
      const match = (byName.get(reservation.cluster) ?? []).find(
        c =>
          canonical(c.podCidr) === reservation.podCidr &&
          canonical(c.serviceCidr) === reservation.serviceCidr,
      );
      if (match) {
        await store.confirm(reservation.id, match.entityRef, now);
        confirmed.push(reservation);
        logger.info(
          `Confirmed CIDR reservation of cluster ${reservation.cluster}: ${match.entityRef} is in the catalog`,
        );
      } else if (this.followsProposal(reservation)) {
        following.push(reservation);
      }
    }

    const proposals = await this.proposalStates(following);
    for (const reservation of proposals.merged) {
      const ref = `resource:default/${reservation.cluster}`;
      await store.confirm(reservation.id, ref, now);
      confirmed.push(reservation);
      logger.info(
        `Confirmed CIDR reservation of cluster ${reservation.cluster}: its proposal ${reservation.proposal?.branch} is merged (the cluster is on the main branch)`,
      );
    }
    for (const reservation of proposals.abandoned) {
      const reason = `proposal branch ${reservation.proposal?.branch} was deleted without being merged`;
      if (await this.sweepRelease(reservation, 'pending', reason, now)) {
        released.push(reservation);
      }
    }
    const heldIds = new Set(proposals.open.map(r => r.id));
    const expired = await store.releaseExpired(now, heldIds);
    for (const reservation of expired) {
      logger.info(
        `Released expired CIDR reservation of cluster ${reservation.cluster} (${reservation.podCidr}, ${reservation.serviceCidr}), requested by ${reservation.requestedBy}`,
      );
    }
    released.push(...expired, ...(await this.releaseRetired(byName, now)));
    const held = proposals.open.filter(
      r => r.expiresAt !== undefined && r.expiresAt <= now.toISOString(),
    );
    return { released, confirmed, held };
  }

  /** Whether the sweep asks the platform repository about this reservation's proposal branch. */
  private followsProposal(reservation: CidrReservation): boolean {
    const proposals = this.deps.proposals;
    return (
      !!proposals &&
      !!reservation.proposal &&
      reservation.proposal.repository === proposals.repository
    );
  }

  /**
   * Sorts reservations that follow a proposal by the state of their branch. When Git cannot be
   * asked, every one of them counts as open: a failure never releases anything.
   */
  private async proposalStates(following: CidrReservation[]): Promise<{
    open: CidrReservation[];
    merged: CidrReservation[];
    abandoned: CidrReservation[];
  }> {
    const proposals = this.deps.proposals;
    if (!proposals || following.length === 0) {
      return { open: following, merged: [], abandoned: [] };
    }
    try {
      const branches = await proposals.branches();
      const open = following.filter(r => branches.has(r.proposal!.branch));
      const closed = following.filter(r => !branches.has(r.proposal!.branch));
      const onMain = await proposals.clustersOnMain(closed.map(r => r.cluster));
      return {
        open,
        merged: closed.filter(r => onMain.has(r.cluster)),
        abandoned: closed.filter(r => !onMain.has(r.cluster)),
      };
    } catch (error) {
      this.deps.logger.warn(
        `Cannot read the proposal branches of ${proposals.repository}; the ${following.length} CIDR reservations that follow a proposal are held until the next sweep: ${error}`,
      );
      return { open: following, merged: [], abandoned: [] };
    }
  }

  /**
   * Confirmed reservations whose cluster left the catalog: the first sweep that misses the cluster
   * records when; once the grace period from then has passed the blocks are released. A cluster
   * that comes back clears the mark.
   */
  private async releaseRetired(
    byName: Map<string, unknown>,
    now: Date,
  ): Promise<CidrReservation[]> {
    const { store, config, logger } = this.deps;
    const released: CidrReservation[] = [];
    for (const reservation of await store.list({ status: 'confirmed' })) {
      if (byName.has(reservation.cluster)) {
        if (reservation.clusterGoneAt) {
          await store.markClusterGone(reservation.id, null);
        }
        continue;
      }
      const goneAt = reservation.clusterGoneAt ?? now.toISOString();
      if (!reservation.clusterGoneAt) {
        await store.markClusterGone(reservation.id, now);
        logger.info(
          `Cluster ${reservation.cluster} is no longer in the catalog; its CIDRs (${reservation.podCidr}, ${reservation.serviceCidr}) are released after the grace period`,
        );
      }
      if (
        now.getTime() <
        new Date(goneAt).getTime() + config.retiredGracePeriodMs
      ) {
        continue;
      }
      const reason = `cluster left the catalog at ${goneAt}; the grace period has passed`;
      if (await this.sweepRelease(reservation, 'confirmed', reason, now)) {
        released.push(reservation);
      }
    }
    return released;
  }

  /** Releases by the sweep, only if the reservation is still in `status`; true when released. */
  private async sweepRelease(
    reservation: CidrReservation,
    status: 'pending' | 'confirmed',
    reason: string,
    now: Date,
  ): Promise<boolean> {
    const released = await this.deps.store.release(
      reservation.id,
      { by: SWEEP, at: now, reason },
      { status },
    );
    if (released) {
      const which = status === 'confirmed' ? 'retired cluster' : 'cluster';
      this.deps.logger.info(
        `Released CIDR reservation of ${which} ${reservation.cluster} (${reservation.podCidr}, ${reservation.serviceCidr}): ${reason}`,
      );
    }
    return released;
  }

  private withReleaseAt(reservation: CidrReservation): CidrReservation {
    if (!reservation.clusterGoneAt) {
      return reservation;
    }
    const at =
      new Date(reservation.clusterGoneAt).getTime() +
      this.deps.config.retiredGracePeriodMs;
    return { ...reservation, releaseAt: new Date(at).toISOString() };
  }

  /** The catalog's clusters and the reserved ranges, indexed once per catalog snapshot. */
  private async baseOccupancy(): Promise<Occupancy> {
    const snapshot = await this.deps.catalog.clusters();
    let occupancy = this.indexed.get(snapshot);
    if (!occupancy) {
      occupancy = new Occupancy([
        ...this.deps.config.reservedRanges,
        ...snapshot.occupants,
      ]);
      this.indexed.set(snapshot, occupancy);
    }
    return occupancy;
  }
}

function checkExisting(
  existing: CidrReservation,
  request: CidrReservationRequest,
  profileRef: string,
) {
  const problems: string[] = [];
  if (existing.profileRef !== profileRef) {
    problems.push(
      `it is for profile ${existing.profileRef}, not ${profileRef}`,
    );
  }
  for (const [field, held] of [
    ['podCidr', existing.podCidr],
    ['serviceCidr', existing.serviceCidr],
  ] as const) {
    const wanted = canonical(request[field]);
    if (wanted !== undefined && wanted !== held) {
      problems.push(`its ${field} is ${held}, not ${wanted}`);
    }
  }
  if (problems.length > 0) {
    throw new ConflictError(
      `Cluster ${existing.cluster} already holds CIDR reservation ${
        existing.id
      } (${existing.status}), but ${problems.join(
        ' and ',
      )}; release it first to reserve other CIDRs`,
    );
  }
}
