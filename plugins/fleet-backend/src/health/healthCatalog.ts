import { AuthService } from '@backstage/backend-plugin-api';
import { ClusterRecord } from '../lifecycle/clusterRecords';
import { FleetInventory } from '../service/FleetInventory';
import { HealthCatalog } from './HealthService';
import { HealthCatalogCluster } from './fleetSnapshot';

/**
 * A cluster record as the health view needs it: the cluster label value is the entity's name.
 * The pinned Kubernetes version comes only from a profile of the platform repository.
 */
export function toHealthCluster(record: ClusterRecord): HealthCatalogCluster {
  const kubernetes = record.profile?.spec.kubernetes;
  // which signals apply: the components of a profile of the platform repository only
  const components = record.profile?.spec.components?.map(component => ({
    name: component.name.toLocaleLowerCase('en-US'),
    ...(component.role
      ? { role: component.role.toLocaleLowerCase('en-US') }
      : {}),
  }));
  return {
    name: record.name,
    entityRef: record.entityRef,
    ...(record.environment ? { environment: record.environment } : {}),
    ...(record.profileRef ? { profileRef: record.profileRef } : {}),
    ...(record.owner ? { owner: record.owner } : {}),
    ...(components ? { components } : {}),
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

/**
 * The clusters whose metrics the health view shows. Metrics name a cluster by its name alone,
 * so a platform-repository cluster owns its name: an entity of the same name from anywhere else
 * (another namespace, a registered location) is left out rather than shown with the real
 * cluster's health. Clusters that are only known elsewhere (e.g. to a management plane) stay.
 */
export function healthClusters(
  records: readonly ClusterRecord[],
): HealthCatalogCluster[] {
  const governedNames = new Set(
    records.filter(r => r.fromPlatformRepository).map(r => r.name),
  );
  return records
    .filter(r => r.fromPlatformRepository || !governedNames.has(r.name))
    .map(toHealthCluster);
}

/** The health view's catalog access, through the inventory's per-principal snapshot. */
export function inventoryHealthCatalog(
  inventory: FleetInventory,
  auth: AuthService,
): HealthCatalog {
  return {
    async visible(credentials) {
      const { clusters } = await inventory.snapshot(credentials);
      return healthClusters(clusters);
    },
    async all() {
      const { clusters } = await inventory.snapshot(
        await auth.getOwnServiceCredentials(),
      );
      return healthClusters(clusters);
    },
  };
}
