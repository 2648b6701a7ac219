import {
  BackendFeature,
  coreServices,
  createBackendModule,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleFleet from '../index';

/**
 * Starts a test backend with the real catalog and this module, and returns helpers
 * to run the provider's task and read the catalog over HTTP.
 */
export async function startCatalogBackend(options: {
  config: object;
  knex?: Awaited<ReturnType<TestDatabases['init']>>;
  features?: BackendFeature[];
}) {
  let scheduler: SchedulerService | undefined;
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleFleet,
      createBackendModule({
        pluginId: 'catalog',
        moduleId: 'test-scheduler-access',
        register(reg) {
          reg.registerInit({
            deps: { pluginScheduler: coreServices.scheduler },
            async init({ pluginScheduler }) {
              scheduler = pluginScheduler;
            },
          });
        },
      }),
      mockServices.rootConfig.factory({ data: options.config }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.rootLogger.factory({ level: 'error' }),
      ...(options.knex
        ? [mockServices.database.factory({ knex: options.knex })]
        : []),
      ...(options.features ?? []),
    ],
  });
  const baseUrl = `http://localhost:${backend.server.port()}`;

  return {
    backend,
    baseUrl,
    /** Runs a scheduled task of the catalog plugin and waits for it to finish. */
    async runTask(id: string) {
      await scheduler!.triggerTask(id);
    },
    /** GET from the backend, as a user; undefined for a 404. */
    async get<T>(path: string): Promise<T | undefined> {
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
    },
    async entity(ref: string): Promise<Entity | undefined> {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return this.get<Entity>(
        `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      );
    },
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
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }
}
