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
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogProcessingExtensionPoint,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import catalogModuleFleetPortainer from '../index';

/**
 * Stands in for the platform-repo provider of catalog-backend-module-fleet (modules do
 * not import each other): emits governed clusters with its own location key, as that
 * provider does, when `emit` is called.
 */
export class GovernedClustersProvider implements EntityProvider {
  connection?: EntityProviderConnection;
  getProviderName() {
    return 'FleetPlatformRepoProvider:demo';
  }
  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }
  async emit(entities: Entity[]) {
    await this.connection!.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: 'fleet-platform-repo:demo',
      })),
    });
  }
}

/** A governed cluster as the platform repository defines it. */
export function governedCluster(name: string): Entity {
  const location = `fleet-platform-repo:/repos/platform-config.git/clusters/${name}/cluster.yaml`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': location,
        'backstage.io/managed-by-origin-location': location,
        'fleet-portal.dev/source': 'platform-repo',
      },
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/team-checkout',
      lifecycle: 'production',
      environment: 'edge',
      region: 'eu-central-1',
    },
  };
}

/** Every log line, for asserting what a failure reports. */
export class CapturingLogger implements LoggerService {
  constructor(
    readonly lines: string[] = [],
    private readonly meta: Record<string, unknown> = {},
  ) {}
  #log(level: string, message: string, meta?: Error | object) {
    const target = this.meta.target ? `${this.meta.target} ` : '';
    const error = meta instanceof Error ? ` ${meta}` : '';
    this.lines.push(`${level} ${target}${message}${error}`);
  }
  error(message: string, meta?: Error | object) {
    this.#log('error', message, meta);
  }
  warn(message: string, meta?: Error | object) {
    this.#log('warn', message, meta);
  }
  info(message: string, meta?: Error | object) {
    this.#log('info', message, meta);
  }
  debug() {}
  child(meta: Record<string, unknown>): LoggerService {
    return new CapturingLogger(this.lines, { ...this.meta, ...meta });
  }
}

/**
 * Starts a test backend with the real catalog, this module and the governed-clusters
 * stand-in, on the given database.
 */
export async function startCatalogBackend(options: {
  config: object;
  knex: Awaited<ReturnType<TestDatabases['init']>>;
  features?: BackendFeature[];
}) {
  let scheduler: SchedulerService | undefined;
  const governed = new GovernedClustersProvider();
  const logger = new CapturingLogger();
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleFleetPortainer,
      createBackendModule({
        pluginId: 'catalog',
        moduleId: 'test-governed-clusters',
        register(reg) {
          reg.registerInit({
            deps: {
              catalogProcessing: catalogProcessingExtensionPoint,
              pluginScheduler: coreServices.scheduler,
            },
            async init({ catalogProcessing, pluginScheduler }) {
              catalogProcessing.addEntityProvider(governed);
              scheduler = pluginScheduler;
            },
          });
        },
      }),
      mockServices.rootConfig.factory({ data: options.config }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => logger as any,
      }),
      mockServices.database.factory({ knex: options.knex }),
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
    governed,
    logger,
    /** Runs a scheduled task of the catalog plugin and waits for it to finish. */
    async runTask(id: string) {
      await scheduler!.triggerTask(id);
    },
    async entity(ref: string): Promise<Entity | undefined> {
      const [kind, rest] = ref.split(':');
      const [namespace, name] = rest.split('/');
      return get<Entity>(
        `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
      );
    },
    /** Every kubernetes-cluster Resource, as `namespace/name`, sorted. */
    async clusterRefs(): Promise<string[]> {
      const entities =
        (await get<Entity[]>(
          '/api/catalog/entities?filter=kind=resource,spec.type=kubernetes-cluster&fields=metadata.name,metadata.namespace',
        )) ?? [];
      return entities
        .map(e => `${e.metadata.namespace}/${e.metadata.name}`)
        .sort();
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
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}
