import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  catalogServiceRef,
} from '@backstage/plugin-catalog-node';
import { fleetPlatformRepoReadPermission } from '@fleet-portal/plugin-fleet-common';
import { redact } from '@fleet-portal/plugin-fleet-node';
import { FleetEntitiesProcessor } from './processor/FleetEntitiesProcessor';
import { readProviderConfigs } from './provider/config';
import { PlatformRepoEntityProvider } from './provider/PlatformRepoEntityProvider';
import { PlatformRepoStatusStore } from './status/PlatformRepoStatusStore';
import { createStatusRoute } from './status/statusRoute';

/**
 * Catalog module for Fleet Portal: the processor that validates clusters, cluster
 * profiles and tenant namespaces and emits their relations, one platform-repo
 * provider per entry of `catalog.providers.fleetPlatformRepo`, and the state of those
 * repositories at `GET /api/catalog/fleet/platform-repositories` (permission
 * `fleet.platformRepo.read`), kept in the catalog's database.
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
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        catalogProcessing,
        config,
        logger,
        scheduler,
        auth,
        catalog,
        database,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
      }) {
        const status = await PlatformRepoStatusStore.create({ database });
        catalogProcessing.addProcessor(new FleetEntitiesProcessor());
        catalogProcessing.addEntityProvider(
          PlatformRepoEntityProvider.fromConfig(config, {
            logger,
            scheduler,
            auth,
            catalog,
            status,
          }),
        );
        permissionsRegistry.addPermissions([fleetPlatformRepoReadPermission]);
        httpRouter.use(
          createStatusRoute({
            httpAuth,
            permissions,
            store: status,
            sources: readProviderConfigs(config).map(
              ({ id, remote, branch }) => ({
                id,
                remote: redact(remote),
                branch,
              }),
            ),
          }),
        );
      },
    });
  },
});
