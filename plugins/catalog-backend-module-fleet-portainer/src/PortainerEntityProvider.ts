import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ManagementPlaneEntityProvider,
  ManagementPlaneFactsStore,
} from '@fleet-portal/plugin-fleet-node';
import { CONFIG_KEY, readPortainerConfigs } from './config';
import { PortainerClient } from './PortainerClient';
import { PortainerSource } from './PortainerSource';

export type PortainerEntityProviderOptions = {
  logger: LoggerService;
  scheduler: SchedulerService;
  store: ManagementPlaneFactsStore;
  catalog: CatalogService;
  auth: AuthService;
  /** For tests: replaces the global fetch. */
  fetch?: typeof fetch;
};

/**
 * Ingests the Kubernetes environments of one Portainer instance: facts for the
 * clusters the catalog has, ungoverned entities for the others (see
 * ManagementPlaneEntityProvider for the merge).
 */
export class PortainerEntityProvider extends ManagementPlaneEntityProvider {
  /** One provider per entry of `catalog.providers.fleetPortainer`. */
  static fromConfig(
    config: Config,
    options: PortainerEntityProviderOptions,
  ): PortainerEntityProvider[] {
    return readPortainerConfigs(config).map(instance => {
      const client = new PortainerClient({
        baseUrl: instance.baseUrl,
        apiKey: instance.apiKey,
        pageSize: instance.pageSize,
        timeoutMs: instance.timeoutMs,
        maxPages: instance.maxPages,
        maxResponseBytes: instance.maxResponseBytes,
        settingPath: key => `${CONFIG_KEY}.${instance.id}.${key}`,
        fetch: options.fetch,
      });
      return new PortainerEntityProvider({
        source: new PortainerSource(instance.id, {
          client,
          baseUrl: instance.baseUrl,
          mapping: instance.mapping,
          edgeCheckinMaxAgeSeconds: instance.edgeCheckinMaxAgeSeconds,
        }),
        defaultOwner: instance.defaultOwner,
        store: options.store,
        catalog: options.catalog,
        auth: options.auth,
        logger: options.logger,
        taskRunner: options.scheduler.createScheduledTaskRunner(
          instance.schedule,
        ),
      });
    });
  }
}
