import type { LoggerService } from '@backstage/backend-plugin-api';
import { ArgoCdApiClient } from './client/ArgoCdApiClient';
import { ManagementClusterClient } from './client/ManagementClusterClient';
import { CONFIG_KEY, FleetKubernetesProviderConfig } from './config';
import { ArgoCdSource } from './sources/argocd';
import { ClusterApiSource } from './sources/clusterApi';
import type { KubernetesSource } from './sources/KubernetesSource';
import { OpenClusterManagementSource } from './sources/openClusterManagement';

/** The enabled sources of one management cluster, sharing one client. */
export function createSources(
  config: FleetKubernetesProviderConfig,
  logger: LoggerService,
): KubernetesSource[] {
  const client = new ManagementClusterClient({
    connection: config.connection,
    pageSize: config.pageSize,
    requestTimeoutMs: config.timeoutMs,
    maxPages: config.maxPages,
    maxResponseBytes: config.maxResponseBytes,
    settingPath: key => `${CONFIG_KEY}.${config.id}.${key}`,
  });
  const common = { id: config.id, client, logger };
  const { openClusterManagement, clusterApi, argocd } = config.sources;
  const sources: KubernetesSource[] = [];
  if (openClusterManagement) {
    sources.push(
      new OpenClusterManagementSource({ ...common, ...openClusterManagement }),
    );
  }
  if (clusterApi) {
    sources.push(new ClusterApiSource({ ...common, ...clusterApi }));
  }
  if (argocd) {
    const { api, ...options } = argocd;
    sources.push(
      new ArgoCdSource({
        ...common,
        ...options,
        api: api
          ? new ArgoCdApiClient({
              connection: api,
              timeoutMs: config.timeoutMs,
            })
          : undefined,
      }),
    );
  }
  return sources;
}
