import type {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ManagementPlaneEntityProvider,
  ManagementPlaneEntityProviderOptions,
  ManagementPlaneFactsStore,
} from '@fleet-portal/plugin-fleet-node';
import { readFleetKubernetesConfigs } from './config';
import { createSources } from './createSources';

export type FleetKubernetesEntityProviderOptions = {
  logger: LoggerService;
  scheduler: SchedulerService;
  store: ManagementPlaneFactsStore;
  catalog: CatalogService;
  auth: AuthService;
};

/**
 * Ingests the clusters one Kubernetes-hosted source (Open Cluster Management,
 * Cluster API or Argo CD on one management cluster) knows: facts for the clusters
 * the catalog has, ungoverned entities for the others (the merge is fleet-node's
 * ManagementPlaneEntityProvider). Each source has its own task, so one failing
 * source leaves the others' entities alone.
 */
export class FleetKubernetesEntityProvider extends ManagementPlaneEntityProvider {
  /** The kind of source, e.g. `cluster-api`. */
  readonly sourceType: string;

  /** One provider per enabled source of each entry of `catalog.providers.fleetKubernetes`. */
  static fromConfig(
    config: Config,
    options: FleetKubernetesEntityProviderOptions,
  ): FleetKubernetesEntityProvider[] {
    return readFleetKubernetesConfigs(config).flatMap(managementCluster => {
      const taskRunner = options.scheduler.createScheduledTaskRunner(
        managementCluster.schedule,
      );
      return createSources(managementCluster, options.logger).map(
        source =>
          new FleetKubernetesEntityProvider({
            source,
            defaultOwner: managementCluster.defaultOwner,
            store: options.store,
            catalog: options.catalog,
            auth: options.auth,
            logger: options.logger,
            taskRunner,
          }),
      );
    });
  }

  constructor(options: ManagementPlaneEntityProviderOptions) {
    super(options);
    this.sourceType = options.source.type;
  }
}
