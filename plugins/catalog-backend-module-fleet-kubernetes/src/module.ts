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
import { FleetKubernetesEntityProvider } from './FleetKubernetesEntityProvider';

/**
 * Catalog module for the management planes that live in a management cluster
 * (`catalog.providers.fleetKubernetes`): one provider per enabled source (Open
 * Cluster Management, Cluster API, Argo CD) of each management cluster, and one
 * facts processor per kind of source in use. Does nothing when nothing is configured.
 *
 * @public
 */
export const catalogModuleFleetKubernetes = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'fleet-kubernetes',
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
          logger.debug(
            `No management clusters under ${CONFIG_KEY}; Open Cluster Management, Cluster API and Argo CD ingestion is off`,
          );
          return;
        }
        const store = await ManagementPlaneFactsStore.create({ database });
        const providers = FleetKubernetesEntityProvider.fromConfig(config, {
          logger,
          scheduler,
          store,
          catalog,
          auth,
        });
        for (const sourceType of new Set(providers.map(p => p.sourceType))) {
          catalogProcessing.addProcessor(
            new ManagementPlaneFactsProcessor({ store, sourceType }),
          );
        }
        catalogProcessing.addEntityProvider(providers);
      },
    });
  },
});
