// The CIDR allocation API of the fleet backend (plugin id `fleet`), shared by the backend that serves
// it, the scaffolder actions that reserve through it and the form that previews with it.
// Times are ISO 8601 instants (UTC). Bodies are JSON.
//
//   POST   /cidr/preview            CidrPreviewRequest     → CidrPreview       (stores nothing)
//   POST   /cidr/reservations       CidrReservationRequest → CidrReservation   (201 new, 200 existing)
//   GET    /cidr/reservations       ?cluster=&status=      → CidrReservationList
//   DELETE /cidr/reservations/:id  CidrReleaseRequest?     → 204               (release; 404 unknown id)
//   GET    /cidr/retired                                   → RetiredClusterList (confirmed, cluster gone, in grace)
//
// Who may call: a user holding `fleet.cluster.request`, or a service principal (the scaffolder module
// calls with `auth.getPluginRequestToken({ onBehalfOf: await auth.getOwnServiceCredentials(),
// targetPluginId: 'fleet' })`).
//
// Blocks are allocated from the profile's pools (`spec.network.podPools`/`servicePools`) with the
// profile's prefix lengths (`podPrefix`/`servicePrefix`), avoiding the CIDRs of every cluster in the
// catalog, every pending reservation and the ranges reserved in config (`fleet.cidr.reservedRanges`).
// Requested CIDRs are validated against the same and must lie inside one of the profile's pools and
// have the profile's prefix length.
//
// Errors use the @backstage/errors JSON body `{ error: { name, message, cause? }, response: { statusCode } }`:
//   400 InputError     a field is missing or invalid, or a requested CIDR overlaps something; the message
//                      names the field and every conflict (the other cluster's entity ref, the
//                      reservation's cluster name, or the reserved range's description). `error.cause`
//                      is a CidrConflictCause when CIDRs conflict.
//   404 NotFoundError  the profile (or reservation) does not exist.
//   409 ConflictError  a pool has no free block of the wanted size; the message names the pool and the
//                      profile and `error.cause` is a CidrPoolExhaustedCause. Also when the cluster
//                      already has a confirmed reservation with other CIDRs than those requested.
//   403 NotAllowedError the caller lacks `fleet.cluster.request`; for DELETE, the caller is not a user
//                      holding `fleet.cidr.reservation.delete` (platform owners).
//
// Reservations follow their proposal: a reservation made with `proposalBranch` is held while that
// branch exists in the configured platform repository (whatever its TTL), confirmed when the cluster
// reaches the catalog or its file is on the main branch, and released when the branch was deleted
// unmerged. Without a branch the TTL decides. A confirmed reservation whose cluster left the catalog
// (a retired cluster) is released `fleet.cidr.retiredGracePeriodDays` after the sweep first missed it.

/** What a block is for. */
export type CidrRole = 'pod' | 'service';

export type CidrPreviewRequest = {
  /** The profile's entity ref, e.g. `clusterprofile:default/edge`; a bare name means namespace default. */
  profileRef: string;
  /** Name of the cluster to be; when it already holds a reservation, its blocks are shown. */
  cluster?: string;
  /** Validate this pod CIDR instead of allocating one. */
  podCidr?: string;
  /** Validate this service CIDR instead of allocating one. */
  serviceCidr?: string;
};

/** Something a block must not overlap. */
export type CidrConflict = {
  /** The other block, canonical text. */
  cidr: string;
  kind: 'cluster' | 'reservation' | 'reserved-range';
  /** Entity ref of the cluster, cluster name of the reservation, or description of the reserved range. */
  name: string;
  /** For a cluster or reservation: whether the other block is its pod or service CIDR. */
  role?: CidrRole;
};

/** One block of a preview: allocated from a pool, validated as requested, or taken from a reservation. */
export type CidrBlockPreview =
  | {
      ok: true;
      role: CidrRole;
      cidr: string;
      /** The pool the block lies in. */
      pool: string;
      source: 'allocated' | 'requested' | 'reservation';
    }
  | {
      ok: false;
      role: CidrRole;
      /** The requested CIDR, when one was requested. */
      requested?: string;
      /** A sentence naming the field and the problem, e.g. the pool that is exhausted or the overlap. */
      reason: string;
      /** Overlapping blocks, when that is the problem. */
      conflicts?: CidrConflict[];
      /** The pool(s) that are exhausted, when that is the problem. */
      exhaustedPools?: string[];
    };

export type CidrPreview = {
  profileRef: string;
  cluster?: string;
  /** Both blocks, each ok or with its own reason: one bad block never hides the other. */
  pod: CidrBlockPreview;
  service: CidrBlockPreview;
  /** The cluster's existing reservation, when `cluster` already holds one. */
  reservation?: CidrReservation;
};

export type CidrReservationRequest = {
  /** Name of the cluster to be; one reservation per cluster name. */
  cluster: string;
  profileRef: string;
  podCidr?: string;
  serviceCidr?: string;
  /** Entity ref of the user the reservation is for, e.g. `user:default/priya.platform`. */
  requestedBy: string;
  /** How long a pending reservation lives; default `fleet.cidr.reservationTtlMinutes` (1440). */
  ttlMinutes?: number;
  /**
   * The branch of the proposal the cluster is requested on: the reservation is held while it exists
   * in the platform repository and released once it is deleted unmerged.
   */
  proposalBranch?: string;
};

/** Body of DELETE /cidr/reservations/:id; `reason` is required for a confirmed reservation. */
export type CidrReleaseRequest = { reason?: string };

export type CidrReservationStatus = 'pending' | 'confirmed';

/**
 * Re-reserving a cluster that holds a reservation returns that reservation (200) instead of a new
 * one (201), as long as the requested CIDRs (if any) equal the reserved ones; its expiry is extended.
 * A pending reservation is released at `expiresAt` unless the cluster has appeared in the catalog
 * with the reserved CIDRs, which confirms it.
 */
export type CidrReservation = {
  id: string;
  cluster: string;
  profileRef: string;
  podCidr: string;
  podPool: string;
  serviceCidr: string;
  servicePool: string;
  status: CidrReservationStatus;
  requestedBy: string;
  createdAt: string;
  /** When a pending reservation is released; absent once confirmed. */
  expiresAt?: string;
  confirmedAt?: string;
  /** Entity ref of the catalog cluster that confirmed it. */
  confirmedBy?: string;
  /** The proposal it follows, when it was reserved with a branch. */
  proposal?: { branch: string; repository?: string };
  /** When the sweep first missed a confirmed reservation's cluster in the catalog. */
  clusterGoneAt?: string;
  /** When the blocks of a cluster gone from the catalog are released (end of the grace period). */
  releaseAt?: string;
};

export type CidrReservationList = { items: CidrReservation[] };

/** A cluster that left the catalog and whose CIDRs are held until the grace period ends. */
export type RetiredCluster = {
  cluster: string;
  /** Entity ref the cluster had in the catalog. */
  entityRef?: string;
  podCidr: string;
  serviceCidr: string;
  /** When the cluster was first missing from the catalog (ISO instant). */
  goneSince: string;
  /** When its CIDRs are free (ISO instant). */
  cidrsFreeAt: string;
};

export type RetiredClusterList = { items: RetiredCluster[] };

/** `error.cause` of a 400 when requested CIDRs overlap. */
export type CidrConflictCause = {
  name: 'CidrConflictError';
  message: string;
  conflicts: Array<
    CidrConflict & { requested: string; field: 'podCidr' | 'serviceCidr' }
  >;
};

/** `error.cause` of a 409 when no free block is left. */
export type CidrPoolExhaustedCause = {
  name: 'CidrPoolExhaustedError';
  message: string;
  role: CidrRole;
  /** The exhausted pools, canonical text. */
  pools: string[];
  prefix: number;
  profileRef: string;
};
