import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CidrPreview,
  CidrPreviewRequest,
  CidrReservation,
  CidrReservationRequest,
  CidrReservationStatus,
  parseCidr,
} from '@fleet-portal/plugin-fleet-common';
import { Clock } from '../clock';
import { CatalogClusters, CatalogNetworks } from './CatalogNetworks';
import { CidrConfig } from './cidrConfig';
import { Occupancy } from './occupancy';
import { acceptedBlocks } from './planErrors';
import { planBlocks } from './planBlocks';
import { profilePools } from './profilePools';
import { ReservationStore, ReserveResult } from './ReservationStore';

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

  list(filter: { cluster?: string; status?: CidrReservationStatus }) {
    return this.deps.store.list(filter);
  }

  async release(id: string): Promise<void> {
    if (!(await this.deps.store.release(id))) {
      throw new NotFoundError(`No CIDR reservation ${id}`);
    }
    this.deps.logger.info(`Released CIDR reservation ${id}`);
  }

  /**
   * Releases expired pending reservations and confirms those whose cluster is in the catalog with
   * the reserved CIDRs.
   */
  async sweep(): Promise<{
    released: CidrReservation[];
    confirmed: CidrReservation[];
  }> {
    const { store, catalog, clock, logger } = this.deps;
    const now = clock.now();
    const { clusters } = await catalog.readClusters();
    const byName = new Map<string, typeof clusters>();
    for (const cluster of clusters) {
      byName.set(cluster.name, [...(byName.get(cluster.name) ?? []), cluster]);
    }
    const confirmed: CidrReservation[] = [];
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
      }
    }
    const released = await store.releaseExpired(now);
    for (const reservation of released) {
      logger.info(
        `Released expired CIDR reservation of cluster ${reservation.cluster} (${reservation.podCidr}, ${reservation.serviceCidr}), requested by ${reservation.requestedBy}`,
      );
    }
    return { released, confirmed };
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
