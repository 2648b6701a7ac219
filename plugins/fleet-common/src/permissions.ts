import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';

/** See the fleet health of clusters. */
export const fleetHealthReadPermission = createPermission({
  name: 'fleet.health.read',
  attributes: { action: 'read' },
});

/** See review and retirement dates of clusters. */
export const fleetLifecycleReadPermission = createPermission({
  name: 'fleet.lifecycle.read',
  attributes: { action: 'read' },
});

/** Request a tenant namespace on a cluster. */
export const fleetNamespaceRequestPermission = createPermission({
  name: 'fleet.namespace.request',
  attributes: { action: 'create' },
});

/** Request a new cluster built from a profile. */
export const fleetClusterRequestPermission = createPermission({
  name: 'fleet.cluster.request',
  attributes: { action: 'create' },
});

/**
 * See the state of the platform repositories the catalog reads: remote, branch, last
 * commit read, entity counts, and every file skipped with its reason. Checked by the
 * catalog module's status route and for the platform-repository gauges of the fleet
 * metrics.
 */
export const fleetPlatformRepoReadPermission = createPermission({
  name: 'fleet.platformRepo.read',
  attributes: { action: 'read' },
});

/**
 * Release a CIDR reservation by hand (`DELETE /cidr/reservations/:id`): platform owners only.
 * A confirmed reservation is released only with a reason, which is recorded.
 */
export const fleetCidrReservationDeletePermission = createPermission({
  name: 'fleet.cidr.reservation.delete',
  attributes: { action: 'delete' },
});

/** Retire a cluster (mark it retiring, or remove it from the platform repository): platform owners only. */
export const fleetClusterRetirePermission = createPermission({
  name: 'fleet.cluster.retire',
  attributes: { action: 'delete' },
});

/**
 * Promote the next wave of a profile rollout (the scaffolder action `fleet:rollout:promote`, its
 * template and agent action): a proposal that bumps the wave's clusters to the profile's version.
 * Platform owners only in the demo policy. Reading rollouts needs fleet.health.read.
 */
export const fleetRolloutPromotePermission = createPermission({
  name: 'fleet.rollout.promote',
  attributes: { action: 'update' },
});

/**
 * Change a tenant namespace's quota, limits or roles. The scaffolder action also requires
 * the requester to be in the owning team or the group owning the cluster's profile.
 */
export const fleetNamespaceChangePermission = createPermission({
  name: 'fleet.namespace.change',
  attributes: { action: 'update' },
});

/**
 * Give a tenant namespace back (remove its folder from the platform repository). The
 * scaffolder action also requires the requester to be in the owning team or the group
 * owning the cluster's profile.
 */
export const fleetNamespaceDecommissionPermission = createPermission({
  name: 'fleet.namespace.decommission',
  attributes: { action: 'delete' },
});

export const fleetPermissions = [
  fleetHealthReadPermission,
  fleetLifecycleReadPermission,
  fleetNamespaceRequestPermission,
  fleetClusterRequestPermission,
  fleetPlatformRepoReadPermission,
  fleetCidrReservationDeletePermission,
  fleetClusterRetirePermission,
  fleetRolloutPromotePermission,
  fleetNamespaceChangePermission,
  fleetNamespaceDecommissionPermission,
];

/**
 * Whether a decision on a basic permission allows the request, for backends that
 * check fleet permissions without depending on the permission packages themselves.
 */
export function isAllowedDecision(decision: {
  result: AuthorizeResult;
}): boolean {
  return decision.result === AuthorizeResult.ALLOW;
}
