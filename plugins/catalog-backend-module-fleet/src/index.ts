/**
 * Catalog backend module for Fleet Portal: validation and relations of clusters,
 * cluster profiles and tenant namespaces, and the platform-repository inventory
 * provider.
 *
 * @packageDocumentation
 */

export { catalogModuleFleet as default } from './module';
export { FleetEntitiesProcessor } from './processor/FleetEntitiesProcessor';
export { PlatformRepoEntityProvider } from './provider/PlatformRepoEntityProvider';
export type { PlatformRepoEntityProviderOptions } from './provider/PlatformRepoEntityProvider';
export { ANNOTATION_INGESTION_ERROR } from './constants';
