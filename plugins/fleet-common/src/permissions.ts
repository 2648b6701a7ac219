import { createPermission } from '@backstage/plugin-permission-common';

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

export const fleetPermissions = [
  fleetHealthReadPermission,
  fleetLifecycleReadPermission,
  fleetNamespaceRequestPermission,
  fleetClusterRequestPermission,
];
