import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  CidrReservationsClient,
  platformRepoWriterFromConfig,
  readPlatformRepoOrigins,
  PortalLinks,
} from '@fleet-portal/plugin-fleet-node';
import { createFleetClusterRenderAction } from './actions/cluster/renderAction';
import { createFleetClusterValidateAction } from './actions/cluster/validateAction';
import { createFleetClusterRetireAction } from './actions/cluster/retireAction';
import { FleetCatalog } from './catalog/FleetCatalog';
import { KubernetesApplier } from './kubernetes/KubernetesApplier';
import { ScmChangeRequests } from './actions/platformRepo/openChangeRequest';
import { RenderSeal } from './integrity/RenderSeal';
import { reservedNamespacesFromConfig } from './actions/namespace/reservedNamespaces';
import { createNamespaceRenderAction } from './actions/namespace/renderAction';
import { createNamespaceValidateAction } from './actions/namespace/validateAction';
import { createPlatformRepoProposeAction } from './actions/platformRepo/proposeAction';
import { createNamespaceChangeAction } from './actions/namespaceChange/changeAction';
import { createNamespaceDecommissionAction } from './actions/namespaceChange/decommissionAction';
import { createFleetRequestActions, InlineTask } from './actions/registry';
import { createRolloutPromoteAction } from './actions/rollout/promoteAction';
import { RolloutViewClient } from './actions/rollout/RolloutViewClient';

/**
 * The Fleet Portal scaffolder actions: tenant namespace requests (validate, render) and
 * the generic proposal of rendered files to the platform repository.
 */
export const scaffolderModuleFleet = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'fleet',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        scaffolder,
        config,
        logger,
        permissions,
        catalog,
        auth,
        discovery,
        actionsRegistry,
      }) {
        // Only entities of these providers are governed: requests refuse any other cluster or profile.
        const origins = readPlatformRepoOrigins(config);
        if (origins.length === 0) {
          logger.warn(
            'No platform repository provider configured (catalog.providers.fleetPlatformRepo): no cluster or profile is governed, so every namespace and cluster request will be refused',
          );
        }
        const fleetCatalog = new FleetCatalog(catalog, origins);
        const writer = platformRepoWriterFromConfig(config);
        if (!writer) {
          logger.warn(
            'No platform repository configured (fleetPortal.platformRepo or a single catalog.providers.fleetPlatformRepo); fleet:platform-repo:propose will fail',
          );
        }
        // render records travel from the render steps to propose, sealed with a backend key
        const seal = RenderSeal.fromConfig(config, { logger });
        const deps = {
          catalog: fleetCatalog,
          permissions,
          writer,
          reservedNamespaces: reservedNamespacesFromConfig(config),
        };
        const templateActions = [
          createNamespaceValidateAction(deps),
          // validate looks for the namespace in the repository; propose re-checks on the
          // base it commits on, so render need not fetch a third time
          createNamespaceRenderAction({ ...deps, writer: undefined, seal }),
          createPlatformRepoProposeAction({
            ...deps,
            seal,
            applier: KubernetesApplier.fromConfig(config),
            changeRequests: ScmChangeRequests.fromConfig(config),
          }),
          // Day-2: change and give back a tenant namespace (proposed by the action above)
          createNamespaceChangeAction({
            ...deps,
            seal,
            applier: KubernetesApplier.fromConfig(config),
          }),
          createNamespaceDecommissionAction({ ...deps, seal }),
          // new clusters: validate, then reserve CIDRs and render (proposed by the action above)
          createFleetClusterValidateAction({
            catalog,
            auth,
            permissions,
            origins,
            writer,
          }),
          createFleetClusterRenderAction({
            catalog,
            auth,
            permissions,
            origins,
            cidrApi: new CidrReservationsClient({ discovery, auth }),
            seal,
          }),
          // Day-2 of a cluster: retire it (mark retiring or remove), always as a proposal
          createFleetClusterRetireAction({
            catalog: fleetCatalog,
            permissions,
            writer,
          }),
          // rollouts: promote the next wave when the fleet backend's gate is open (a proposal)
          createRolloutPromoteAction({
            auth,
            permissions,
            rollouts: new RolloutViewClient({ discovery, auth }),
            writer,
            changeRequests: ScmChangeRequests.fromConfig(config),
          }),
        ];
        scaffolder.addActions(...templateActions);
        // the same requests for AI agents (actions registry, MCP): the steps of the templates,
        // run with these very actions as the calling user
        const links = PortalLinks.fromConfig(config);
        createFleetRequestActions({
          actionsRegistry,
          auth,
          catalog,
          permissions,
          templateActions,
          workingDirectory: InlineTask.baseDirectory(config),
          entityPageUrl: ref => links.entity(ref),
        });
      },
    });
  },
});
