import type {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskRunner,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  stringifyEntityRef,
  ANNOTATION_LOCATION,
} from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { ForwardedError, stringifyError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import type {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { PlatformRepoProviderConfig, readProviderConfigs } from './config';
import { GitAuthorization, redact } from '@fleet-portal/plugin-fleet-node';
import { GitMirror } from './GitMirror';
import { lastGoodEntities } from './lastGoodEntities';
import { EntityFileCache } from './EntityFileCache';
import {
  collectEntities,
  EntityFileResult,
  formatFileError,
  isPlatformRepoEntityFile,
  PlatformRepoFileError,
} from './readPlatformRepo';
import { sourceAnnotations } from './sourceAnnotations';

export type PlatformRepoEntityProviderOptions = {
  logger: LoggerService;
  scheduler: SchedulerService;
  /** Looks up the last good entity of a broken file. */
  catalog: CatalogService;
  auth: AuthService;
};

/**
 * Ingests the profiles, clusters and tenant namespaces of a platform repository from
 * a Git remote, on a schedule, as full mutations.
 *
 * - A file that does not parse or validate is reported and skipped; an entity the
 *   catalog already holds for it is re-emitted unchanged with the
 *   `fleet-portal.dev/ingestion-error` annotation, so a typo never deletes a cluster.
 * - A deleted file's entity is removed (it is absent from the full mutation).
 * - When the remote cannot be read, the catalog is left as it is.
 */
export class PlatformRepoEntityProvider implements EntityProvider {
  readonly #config: PlatformRepoProviderConfig;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #mirror: GitMirror;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #files = new EntityFileCache();
  #connection?: EntityProviderConnection;

  /** One provider per entry of `catalog.providers.fleetPlatformRepo`. */
  static fromConfig(
    config: Config,
    options: PlatformRepoEntityProviderOptions,
  ): PlatformRepoEntityProvider[] {
    const authorization = new GitAuthorization(
      ScmIntegrations.fromConfig(config),
    );
    return readProviderConfigs(config).map(
      providerConfig =>
        new PlatformRepoEntityProvider(providerConfig, {
          ...options,
          taskRunner: options.scheduler.createScheduledTaskRunner(
            providerConfig.schedule,
          ),
          mirror: new GitMirror({
            dir: providerConfig.workDir,
            remote: providerConfig.remote,
            branch: providerConfig.branch,
            authorization: () => authorization.forRemote(providerConfig.remote),
          }),
        }),
    );
  }

  private constructor(
    config: PlatformRepoProviderConfig,
    deps: Omit<PlatformRepoEntityProviderOptions, 'scheduler'> & {
      taskRunner: SchedulerServiceTaskRunner;
      mirror: GitMirror;
    },
  ) {
    this.#config = config;
    this.#logger = deps.logger.child({ target: this.getProviderName() });
    this.#taskRunner = deps.taskRunner;
    this.#mirror = deps.mirror;
    this.#catalog = deps.catalog;
    this.#auth = deps.auth;
  }

  getProviderName(): string {
    return `FleetPlatformRepoProvider:${this.#config.id}`;
  }

  /** Schedules the refresh; the scheduler runs it on one replica at a time. */
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

  /**
   * Syncs the mirror and replaces this provider's entities with the repository's
   * content at the branch head. Rejects, without touching the catalog, when the
   * remote cannot be read or the last good entities cannot be looked up.
   */
  async refresh(signal?: AbortSignal): Promise<void> {
    if (!this.#connection) {
      throw new Error(`${this.getProviderName()} is not connected`);
    }
    const { id, remote, branch } = this.#config;
    const where = `platform repository ${id} (${redact(
      remote,
    )}, branch ${branch})`;

    let commit: string;
    let files: Array<{ path: string; result: EntityFileResult }>;
    try {
      commit = await this.#mirror.sync(signal);
      const tree = await this.#mirror.listFiles(
        commit,
        isPlatformRepoEntityFile,
        signal,
      );
      files = await this.#files.read(tree, oids =>
        this.#mirror.readBlobs(oids, signal),
      );
    } catch (error) {
      throw new ForwardedError(
        `Cannot read ${where}; the catalog is left unchanged`,
        error,
      );
    }

    const { entities, errors } = collectEntities(files);
    const emitted = entities.map(({ path, entity }) =>
      this.#annotate(entity, path),
    );
    const kept = await this.#keepLastGood(errors, emitted);

    await this.#connection.applyMutation({
      type: 'full',
      entities: [...emitted, ...kept].map(entity => ({
        entity,
        locationKey: `fleet-platform-repo:${id}`,
      })),
    });

    for (const error of errors) {
      this.#logger.warn(`Skipped ${formatFileError(error)}`);
    }
    this.#logger.info(
      `Read ${where} at ${commit.slice(0, 12)}: ${summarize(emitted)}; ` +
        `${new Set(errors.map(e => e.path)).size} broken files skipped, ` +
        `${kept.length} of them kept at their last good version`,
    );
  }

  #annotate(entity: Entity, path: string): Entity {
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          ...sourceAnnotations(this.#config.remote, this.#config.branch, path),
        },
      },
    };
  }

  /** The catalog's current entities of broken files, marked with their errors. */
  async #keepLastGood(
    errors: PlatformRepoFileError[],
    emitted: Entity[],
  ): Promise<Entity[]> {
    if (errors.length === 0) {
      return [];
    }
    const errorsByFile = new Map<string, string>();
    for (const error of errors) {
      const previous = errorsByFile.get(error.path);
      const text = formatFileError(error);
      errorsByFile.set(error.path, previous ? `${previous}\n${text}` : text);
    }
    const { remote, branch } = this.#config;
    const locations = new Map(
      [...errorsByFile.keys()].map(path => [
        path,
        sourceAnnotations(remote, branch, path)[ANNOTATION_LOCATION],
      ]),
    );
    let found: Map<string, Entity>;
    try {
      found = await lastGoodEntities({
        catalog: this.#catalog,
        auth: this.#auth,
        locations,
        errors: errorsByFile,
      });
    } catch (error) {
      throw new ForwardedError(
        `Cannot look up the last good entities of ${
          errorsByFile.size
        } broken files of platform repository ${
          this.#config.id
        }; the catalog is left unchanged`,
        error,
      );
    }
    // A valid file that now defines the same entity takes precedence.
    const emittedRefs = new Set(emitted.map(e => stringifyEntityRef(e)));
    return [...found.values()].filter(
      entity => !emittedRefs.has(stringifyEntityRef(entity)),
    );
  }
}

function summarize(entities: Entity[]): string {
  const count = (type: string) =>
    entities.filter(e => e.kind === 'Resource' && e.spec?.type === type).length;
  const profiles = entities.filter(e => e.kind === 'ClusterProfile').length;
  return `${entities.length} entities (${profiles} profiles, ${count(
    'kubernetes-cluster',
  )} clusters, ${count('kubernetes-namespace')} namespaces)`;
}
