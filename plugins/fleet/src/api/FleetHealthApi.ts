import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ClusterHealthDetail,
  FleetHealthSnapshot,
} from '@fleet-portal/plugin-fleet-common';

/** The health API of the fleet backend. Every method throws a ResponseError on a non-2xx answer. */
export interface FleetHealthApi {
  /** Every cluster's verdicts, the sources' states and the fleet KPIs, from the backend's cached snapshot. */
  getFleetHealth(): Promise<FleetHealthSnapshot>;
  /** One cluster's verdicts with the history of each signal; 404 when the catalog does not know it. */
  getClusterHealth(cluster: {
    namespace: string;
    name: string;
  }): Promise<ClusterHealthDetail>;
}

export const fleetHealthApiRef = createApiRef<FleetHealthApi>().with({
  id: 'plugin.fleet.health',
  pluginId: 'fleet',
});
