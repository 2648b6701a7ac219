import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { FleetEntitiesProcessor } from './processor/FleetEntitiesProcessor';
import { PlatformRepoEntityProvider } from './provider/PlatformRepoEntityProvider';

/**
 * Catalog module for Fleet Portal: the processor that validates clusters, cluster
 * profiles and tenant namespaces and emits their relations, and one platform-repo
 * provider per entry of `catalog.providers.fleetPlatformRepo`.
 *
 * @public
 */
export const catalogModuleFleet = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'fleet',
  register(reg) {
    reg.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({
        catalogProcessing,
        config,
        logger,
        scheduler,
        auth,
        catalog,
      }) {
        catalogProcessing.addProcessor(new FleetEntitiesProcessor());
        catalogProcessing.addEntityProvider(
          PlatformRepoEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            auth,
            catalog,
          }),
        );
      },
    });
  },
});
