import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  ClusterHealthDetail,
  FleetHealthGrid,
  FleetHealthSnapshot,
  FleetHealthSummary,
  HealthClusterPage,
  HealthClusterQuery,
} from '@fleet-portal/plugin-fleet-common';

/** The health API of the fleet backend. Every method throws a ResponseError on a non-2xx answer. */
export interface FleetHealthApi {
  /** The KPIs, counts per environment and status, facets and the sources' states: small at any fleet size. */
  getSummary(): Promise<FleetHealthSummary>;
  /** One page of verdicts, worst first unless the query orders otherwise. */
  listClusters(query: HealthClusterQuery): Promise<HealthClusterPage>;
  /** A chunk of the selection as status codes per cluster and signal, for the heat map. */
  getGrid(query: HealthClusterQuery): Promise<FleetHealthGrid>;
  /** Every cluster's verdicts (the export; large at fleet scale: views use the calls above). */
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
