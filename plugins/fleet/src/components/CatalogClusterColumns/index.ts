export {
  fleetClusterColumns,
  isClusterList,
  withFleetClusterColumns,
} from './clusterColumns';
export type { CatalogRow } from './clusterColumns';
