import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogModuleFleetKubernetes from '../index';

export type LogLine = { level: string; message: string };

/** A governed cluster as the platform-repository provider emits it (trimmed). */
export function governedCluster(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `url:https://git.example/platform/clusters/${name}/cluster.yaml`,
        'backstage.io/managed-by-origin-location': `url:https://git.example/platform/clusters/${name}/cluster.yaml`,
      },
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/team-payments',
      lifecycle: 'production',
      environment: 'production',
      region: 'eu-west-1',
    },
  };
}

/**
 * Starts a test backend with the real catalog, this module, a stand-in for the
 * platform-repository provider that emits `inventory`, and a logger that records
 * every line; returns helpers to run the module's tasks and read the catalog.
 */
export async function startCatalogBackend(options: {
  config: object;
  inventory?: Entity[];
  knex?: Awaited<ReturnType<TestDatabases['init']>>;
  features?: BackendFeature[];
}) {
  let scheduler: SchedulerService | undefined;
  const logs: LogLine[] = [];
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleFleetKubernetes,
      createBackendModule({
        pluginId: 'catalog',
        moduleId: 'test-inventory',
        register(reg) {
          reg.registerInit({
            deps: {
              catalogProcessing: catalogProcessingExtensionPoint,
              pluginScheduler: coreServices.scheduler,
            },
            async init({ catalogProcessing, pluginScheduler }) {
              scheduler = pluginScheduler;
              catalogProcessing.addEntityProvider({
                getProviderName: () => 'test-inventory',
                connect: async connection => {
                  await connection.applyMutation({
                    type: 'full',
                    entities: (options.inventory ?? []).map(entity => ({
                      entity,
                      locationKey: 'test-inventory',
                    })),
                  });
                },
              });
            },
          });
        },
      }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => recordingLogger(logs),
      }),
      mockServices.rootConfig.factory({ data: options.config }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.features ?? []),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}`;

  const get = async <T>(path: string): Promise<T | undefined> => {
    const response = await fetch(`${baseUrl}${path}`);
    if (response.status === 404) {
      return undefined;
    }
    if (!response.ok) {
      throw new Error(
        `GET ${path}: ${response.status} ${await response.text()}`,
      );
    }
    return (await response.json()) as T;
  };

  return {
    backend,
    logs,
    /** Runs the refresh task of one source and waits for it to finish. */
    async runSource(sourceType: string, id: string) {
      await scheduler!.triggerTask(
        `FleetManagementPlaneProvider:${sourceType}:${id}:refresh`,
      );
    },
    /** Asks the catalog to reprocess an entity now. */
    async refresh(entityRef: string) {
      const response = await fetch(`${baseUrl}/api/catalog/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entityRef }),
      });
      if (!response.ok) {
        throw new Error(`refresh ${entityRef}: ${response.status}`);
      }
    },
    async entity(ref: string): Promise<Entity | undefined> {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return get<Entity>(
        `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      );
    },
    /** Every cluster entity, as `namespace/name` refs. */
    async clusterRefs(): Promise<string[]> {
      const entities =
        (await get<Entity[]>(
          '/api/catalog/entities?filter=kind=resource,spec.type=kubernetes-cluster',
        )) ?? [];
      return entities.map(entity => stringifyEntityRef(entity)).sort();
    },
  };
}

function recordingLogger(
  logs: LogLine[],
  meta: Record<string, unknown> = {},
): LoggerService {
  const record = (level: string) => (message: string, extra?: unknown) => {
    const error = extra instanceof Error ? ` ${extra.message}` : '';
    logs.push({ level, message: `${message}${error}` });
    if (level === 'error' && process.env.FLEET_TEST_VERBOSE) {
      // eslint-disable-next-line no-console
      console.error(meta, message, extra);
    }
  };
  return {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
    child: childMeta => recordingLogger(logs, { ...meta, ...childMeta }),
  };
}

/** Polls until `check` stops throwing, and returns its result. */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}
