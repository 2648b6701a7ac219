import {
  coreServices,
  createBackendPlugin,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { fleetPermissions } from '@fleet-portal/plugin-fleet-common';
import {
  platformRepoWriterFromConfig,
  readPlatformRepoOrigins,
} from '@fleet-portal/plugin-fleet-node';
import { createFleetActions, PortalLinks } from './actions';
import { CatalogNetworks } from './cidr/CatalogNetworks';
import { readCidrConfig } from './cidr/cidrConfig';
import { CidrService } from './cidr/CidrService';
import { proposalBranchesOf } from './cidr/ProposalBranches';
import { ReservationStore } from './cidr/ReservationStore';
import { scheduleCidrSweep } from './cidr/scheduleCidrSweep';
import { clockServiceRef } from './clock';
import { LeaseStore } from './coordination/LeaseStore';
import { LifecycleNotifier } from './notifications/LifecycleNotifier';
import { NotificationLedger } from './notifications/NotificationLedger';
import { RolloutNotifier } from './notifications/RolloutNotifier';
import { scheduleNotifications } from './notifications/scheduleNotifications';
import { readHealthConfig } from './health/config';
import { inventoryHealthCatalog } from './health/healthCatalog';
import { HealthService } from './health/HealthService';
import { FleetInventory } from './service/FleetInventory';
import { PlatformRepoStatusClient } from './metrics/PlatformRepoStatusClient';
import { createRouter } from './service/router';
import { RolloutService } from './rollout/RolloutService';

/**
 * The fleet backend: the lifecycle and governance API, lifecycle notifications and a Prometheus
 * exposition of governance gauges.
 *
 * @public
 */
export const fleetPlugin = createBackendPlugin({
  pluginId: 'fleet',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        cache: coreServices.cache,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        notifications: notificationService,
        clock: clockServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        discovery: coreServices.discovery,
      },
      async init(deps) {
        const { database, logger } = deps;
        deps.permissionsRegistry.addPermissions(fleetPermissions);

        const db = await database.getClient();
        if (!database.migrations?.skip) {
          await db.migrate.latest({
            directory: resolvePackagePath(
              '@fleet-portal/plugin-fleet-backend',
              'migrations',
            ),
          });
        }

        // Only entities of these providers are governed; every other cluster is shown ungoverned
        // and never used for CIDR allocation.
        const origins = readPlatformRepoOrigins(deps.config);
        if (origins.length === 0) {
          logger.warn(
            'No platform repository provider configured (catalog.providers.fleetPlatformRepo): every cluster is shown ungoverned and no profile can allocate CIDRs',
          );
        }
        const inventory = new FleetInventory(deps.catalog, deps.clock, {
          origins,
          cache: {
            service: deps.cache,
            ttlMs:
              (deps.config.getOptionalNumber(
                'fleet.lifecycle.catalogSnapshotSeconds',
              ) ?? 30) * 1000,
          },
        });
        const healthConfig = readHealthConfig(deps.config);
        const health = healthConfig
          ? new HealthService(healthConfig, {
              cache: deps.cache,
              clock: deps.clock,
              catalog: inventoryHealthCatalog(inventory, deps.auth),
              // one round per period across replicas (they share the database and the cache)
              leases: new LeaseStore(db),
            })
          : undefined;
        if (healthConfig) {
          logger.info(
            `Fleet health: ${
              health!.signals.length
            } signals from ${healthConfig.sources
              .map(s => `${s.name} (${s.type})`)
              .join(', ')}`,
          );
        }
        const cidrConfig = readCidrConfig(deps.config);
        // Reservations made for a proposal branch are held while the branch is open there.
        const platformRepo = platformRepoWriterFromConfig(deps.config);
        const cidr = new CidrService({
          store: new ReservationStore(db),
          catalog: new CatalogNetworks(deps.catalog, deps.auth, {
            snapshotMs: cidrConfig.catalogSnapshotMs,
            origins,
          }),
          config: cidrConfig,
          clock: deps.clock,
          logger,
          proposals: platformRepo && proposalBranchesOf(platformRepo),
        });
        // profile rollouts: waves and their gates from the metrics history, shared through the cache
        const rollouts = new RolloutService({
          inventory,
          health,
          auth: deps.auth,
          catalog: deps.catalog,
          cache: deps.cache,
          clock: deps.clock,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            auth: deps.auth,
            permissions: deps.permissions,
            inventory,
            health,
            cidr,
            platformRepos: new PlatformRepoStatusClient({
              discovery: deps.discovery,
              auth: deps.auth,
            }),
            rollouts,
          }),
        );
        // the same reads as the routes above, as typed actions for AI agents (MCP)
        createFleetActions({
          actionsRegistry: deps.actionsRegistry,
          permissions: deps.permissions,
          catalog: deps.catalog,
          inventory,
          health,
          cidr,
          origins,
          links: PortalLinks.fromConfig(deps.config),
          rollouts,
        });
        await scheduleCidrSweep({
          scheduler: deps.scheduler,
          config: cidrConfig,
          cidr,
          logger,
        });

        const ledger = new NotificationLedger(db);
        const lifecycleNotifier = new LifecycleNotifier({
          inventory,
          ledger,
          notifications: deps.notifications,
          auth: deps.auth,
          logger,
        });
        // owners hear when their cluster's wave is promoted, once, through the same ledger
        const rolloutNotifier = new RolloutNotifier({
          inventory,
          ledger,
          notifications: deps.notifications,
          auth: deps.auth,
          logger,
          clock: deps.clock,
        });
        await scheduleNotifications({
          config: deps.config,
          scheduler: deps.scheduler,
          logger,
          notifier: {
            async run(options) {
              const lifecycle = await lifecycleNotifier.run(options);
              const rollout = await rolloutNotifier.run(options);
              return {
                sent: lifecycle.sent + rollout.sent,
                failed: lifecycle.failed + rollout.failed,
              };
            },
          },
        });
      },
    });
  },
});
