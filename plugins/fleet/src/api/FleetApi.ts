import { createApiRef } from '@backstage/frontend-plugin-api';
import type { LifecycleFilters } from './lifecycleQuery';
import type {
  CidrPreview,
  CidrPreviewRequest,
  ClusterLifecycle,
  LifecyclePage,
  LifecycleQuery,
  LifecycleSchedule,
  RetiredClusterList,
} from '@fleet-portal/plugin-fleet-common';

/** The lifecycle API of the fleet backend. Every method throws a ResponseError on a non-2xx answer. */
export interface FleetApi {
  /**
   * One page of clusters with the facets of the whole fleet; with `scheduleMonths`, also the
   * schedule of the clusters the filters select (one request for the table and its chart).
   */
  listClusters(query: LifecycleQuery): Promise<LifecyclePage>;
  /** The lifecycle of one cluster; throws a ResponseError with status 404 when the backend does not know it. */
  getCluster(cluster: {
    namespace: string;
    name: string;
  }): Promise<ClusterLifecycle>;
  /** Reviews and retirements per month for the next `months` months of the clusters matching the filters. */
  getSchedule(
    months: number,
    filters?: LifecycleFilters,
  ): Promise<LifecycleSchedule>;
  /** Every cluster matching the filters (paging and sorting ignored) as CSV. */
  exportCsv(query: LifecycleQuery): Promise<Blob>;
  /** The pod and service CIDRs a new cluster of a profile would get (or whether requested ones are free); reserves nothing. */
  previewCidrs(request: CidrPreviewRequest): Promise<CidrPreview>;
  /** Clusters that left the catalog and whose CIDRs are held until their grace period ends. */
  listRetiredClusters(): Promise<RetiredClusterList>;
}

export const fleetApiRef = createApiRef<FleetApi>().with({
  id: 'plugin.fleet.api',
  pluginId: 'fleet',
});
