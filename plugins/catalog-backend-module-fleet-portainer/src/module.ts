import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import {
  ManagementPlaneFactsProcessor,
  ManagementPlaneFactsStore,
} from '@fleet-portal/plugin-fleet-node';
import { CONFIG_KEY } from './config';
import { PortainerEntityProvider } from './PortainerEntityProvider';

/**
 * Catalog module that reads the Kubernetes environments of the Portainer instances
 * under `catalog.providers.fleetPortainer`: their live facts are attached to the
 * catalog's clusters, and clusters only Portainer knows are listed as ungoverned.
 * Does nothing when no instance is configured.
 *
 * @public
 */
export const catalogModuleFleetPortainer = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'fleet-portainer',
  register(reg) {
    reg.registerInit({
      deps: {
        catalogProcessing: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({
        catalogProcessing,
        config,
        logger,
        scheduler,
        database,
        auth,
        catalog,
      }) {
        if (!config.has(CONFIG_KEY)) {
          logger.info(
            `No Portainer instances under ${CONFIG_KEY}; Portainer ingestion is off`,
          );
          return;
        }
        const store = await ManagementPlaneFactsStore.create({ database });
        const providers = PortainerEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          store,
          catalog,
          auth,
        });
        catalogProcessing.addProcessor(
          new ManagementPlaneFactsProcessor({ store, sourceType: 'portainer' }),
        );
        catalogProcessing.addEntityProvider(providers);
      },
    });
  },
});
