import { AuthService } from '@backstage/backend-plugin-api';
import { ClusterRecord } from '../lifecycle/clusterRecords';
import { FleetInventory } from '../service/FleetInventory';
import { HealthCatalog } from './HealthService';
import { HealthCatalogCluster } from './fleetSnapshot';

/** A cluster record as the health view needs it: the cluster label value is the entity's name. */
export function toHealthCluster(record: ClusterRecord): HealthCatalogCluster {
  const kubernetes = record.profile?.spec.kubernetes;
  return {
    name: record.name,
    entityRef: record.entityRef,
    ...(record.environment ? { environment: record.environment } : {}),
    ...(record.profileRef ? { profileRef: record.profileRef } : {}),
    ...(kubernetes
      ? {
          kubernetes: {
            version: kubernetes.version,
            allowedRange: kubernetes.allowedRange,
          },
        }
      : {}),
  };
}

/** The health view's catalog access, through the inventory's per-principal snapshot. */
export function inventoryHealthCatalog(
  inventory: FleetInventory,
  auth: AuthService,
): HealthCatalog {
  return {
    async visible(credentials) {
      const { clusters } = await inventory.snapshot(credentials);
      return clusters.map(toHealthCluster);
    },
    async all() {
      const { clusters } = await inventory.snapshot(
        await auth.getOwnServiceCredentials(),
      );
      return clusters.map(toHealthCluster);
    },
  };
}
