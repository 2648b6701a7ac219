import type {
  AuthService,
  LoggerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import { ForwardedError, stringifyError } from '@backstage/errors';
import type {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { CLUSTER_SPEC_TYPE } from '@fleet-portal/plugin-fleet-common';
import { ANNOTATION_MANAGEMENT_PLANE } from './annotations';
import { sourceTitle } from './attachFacts';
import type { ManagementPlaneFactsStore } from './ManagementPlaneFactsStore';
import { factsRefreshKey, sourceKey } from './naming';
import { CatalogCluster, planClusters } from './planClusters';
import type { ManagementPlaneSource, ObservedCluster } from './types';
import { ungovernedClusterEntity } from './ungovernedClusterEntity';

const CATALOG_PAGE_SIZE = 1000;
const REFRESH_BATCH = 500;

export type ManagementPlaneEntityProviderOptions = {
  source: ManagementPlaneSource;
  /** Owner of the clusters only the source knows, unless its mapping rules name one. */
  defaultOwner: string;
  store: ManagementPlaneFactsStore;
  /** Looks up which clusters the catalog already holds. */
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  taskRunner: SchedulerServiceTaskRunner;
};

/** What one successful run did. */
export type ManagementPlaneRefreshResult = {
  reported: number;
  ungoverned: number;
  factsChanged: number;
  skipped: string[];
};

/**
 * Reads the clusters one management-plane source knows, on a schedule, and merges
 * them into the catalog without ever emitting an entity someone else emits:
 *
 * 1. `source.listClusters()`; any failure stops the run here: nothing is written, the
 *    catalog keeps the last good entities, the error is logged with the source's name.
 *    An empty answer after a non-empty one counts as a failure too.
 * 2. Reads the catalog's cluster names and plans (`planClusters`): clusters the
 *    catalog already has from the platform repository get facts only; the others
 *    become this source's own ungoverned entities in its own namespace.
 * 3. Replaces the source's facts in the store (the processor attaches them).
 * 4. `applyMutation({ type: 'full' })` of the ungoverned entities with this source's
 *    location key.
 * 5. Asks the catalog to reprocess the clusters whose facts changed, by refresh key.
 */
export class ManagementPlaneEntityProvider implements EntityProvider {
  readonly #source: ManagementPlaneSource;
  readonly #defaultOwner: string;
  readonly #store: ManagementPlaneFactsStore;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  #connection?: EntityProviderConnection;

  constructor(options: ManagementPlaneEntityProviderOptions) {
    this.#source = options.source;
    this.#defaultOwner = options.defaultOwner;
    this.#store = options.store;
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#taskRunner = options.taskRunner;
    this.#logger = options.logger.child({ target: this.getProviderName() });
  }

  getProviderName(): string {
    return `FleetManagementPlaneProvider:${sourceKey(this.#source)}`;
  }

  /** The location key of this source's entities. */
  get locationKey(): string {
    return `fleet-management-plane:${sourceKey(this.#source)}`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.#connection = connection;
    await this.#taskRunner.run({
      id: `${this.getProviderName()}:refresh`,
      fn: async (signal?: AbortSignal) => {
        try {
          await this.refresh(signal);
        } catch (error) {
          this.#logger.error(stringifyError(error));
        }
      },
    });
  }

  /** One run; rejects, having changed nothing, when the source or the catalog cannot be read. */
  async refresh(signal?: AbortSignal): Promise<ManagementPlaneRefreshResult> {
    const connection = this.#connection;
    if (!connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const where = `${sourceTitle(this.#source.type)} source ${sourceKey(
      this.#source,
    )}`;

    let observed: ObservedCluster[];
    try {
      observed = await this.#source.listClusters(signal);
    } catch (error) {
      throw new ForwardedError(
        `Cannot read ${where}; the catalog and its facts are left unchanged`,
        error,
      );
    }
    // A source that suddenly knows nothing (a token that lost its rights, an empty
    // answer from a half-started server) must not delete every entity it made.
    if (observed.length === 0) {
      const previous = await this.#store.countSource(this.#source);
      if (previous > 0) {
        throw new Error(
          `${where} reported no clusters at all (last good answer: ${previous}); treated as a failure, the catalog and its facts are left unchanged`,
        );
      }
    }
    let catalog: CatalogCluster[];
    try {
      catalog = await this.#catalogClusters();
    } catch (error) {
      throw new ForwardedError(
        `Cannot read the catalog's clusters for ${where}; the catalog and its facts are left unchanged`,
        error,
      );
    }

    const plan = planClusters({ source: this.#source, observed, catalog });
    const entities = [...plan.ungoverned].map(([name, cluster]) => {
      const { entity, dropped } = ungovernedClusterEntity({
        source: this.#source,
        name,
        cluster,
        defaultOwner: this.#defaultOwner,
      });
      for (const reason of dropped) {
        this.#logger.warn(
          `Cluster ${JSON.stringify(
            cluster.name,
          )} of ${where}: ${reason}; left out of the entity`,
        );
      }
      return entity;
    });

    const changed = await this.#store.replaceSource(this.#source, plan.facts);
    await connection.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: this.locationKey,
      })),
    });
    for (let i = 0; i < changed.length; i += REFRESH_BATCH) {
      await connection.refresh({
        keys: changed
          .slice(i, i + REFRESH_BATCH)
          .map(key => factsRefreshKey(this.#source.type, key)),
      });
    }

    for (const reason of plan.skipped) {
      this.#logger.warn(`Skipped a cluster of ${where}: ${reason}`);
    }
    this.#logger.info(
      `Read ${where}: ${observed.length} clusters, ${
        plan.facts.size - plan.ungoverned.size
      } already in the catalog, ${plan.ungoverned.size} ungoverned; facts of ${
        changed.length
      } changed; ${plan.skipped.length} skipped`,
    );
    return {
      reported: observed.length,
      ungoverned: plan.ungoverned.size,
      factsChanged: changed.length,
      skipped: plan.skipped,
    };
  }

  async #catalogClusters(): Promise<CatalogCluster[]> {
    const credentials = await this.#auth.getOwnServiceCredentials();
    const clusters: CatalogCluster[] = [];
    for await (const page of this.#catalog.streamEntities(
      {
        filter: { kind: 'resource', 'spec.type': CLUSTER_SPEC_TYPE },
        fields: [
          'metadata.name',
          'metadata.namespace',
          `metadata.annotations.${ANNOTATION_MANAGEMENT_PLANE}`,
        ],
        pageSize: CATALOG_PAGE_SIZE,
      },
      { credentials },
    )) {
      for (const entity of page) {
        clusters.push({
          name: entity.metadata.name,
          namespace: entity.metadata.namespace,
          managementPlane:
            entity.metadata.annotations?.[ANNOTATION_MANAGEMENT_PLANE],
        });
      }
    }
    return clusters;
  }
}
