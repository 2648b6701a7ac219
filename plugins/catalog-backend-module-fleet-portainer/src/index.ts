/**
 * Catalog module of Fleet Portal: ingests Portainer environments, attaches live facts to governed clusters and lists unknown ones as ungoverned.
 *
 * @packageDocumentation
 */

export { catalogModuleFleetPortainer as default } from './module';
export {
  PortainerEntityProvider,
  type PortainerEntityProviderOptions,
} from './PortainerEntityProvider';
export {
  PortainerClient,
  type PortainerClientOptions,
  type PortainerInventory,
} from './PortainerClient';
export {
  PortainerSource,
  type PortainerSourceOptions,
  toObservedClusters,
} from './PortainerSource';
