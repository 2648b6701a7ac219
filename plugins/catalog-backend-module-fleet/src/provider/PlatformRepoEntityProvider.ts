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
import type {
  PlatformRepoSource,
  PlatformRepoStatusStore,
} from '../status/PlatformRepoStatusStore';
import { countEntities, readSummary } from '../status/readSummary';

export type PlatformRepoEntityProviderOptions = {
  logger: LoggerService;
  scheduler: SchedulerService;
  /** Looks up the last good entity of a broken file. */
  catalog: CatalogService;
  auth: AuthService;
  /**
   * Where each run's outcome is recorded for the status route and the fleet metrics;
   * runs are only logged without it.
   */
  status?: PlatformRepoStatusStore;
};

/**
 * Ingests the profiles, clusters and tenant namespaces of a platform repository from
 * a Git remote, on a schedule, as full mutations.
 *
 * - A file that does not parse or validate, is too large, or trips a YAML limit is
 *   reported and skipped, and only that file; an entity the catalog already holds for
 *   it is re-emitted unchanged with the `fleet-portal.dev/ingestion-error` annotation,
 *   so a typo never deletes a cluster.
 * - A deleted file's entity is removed (it is absent from the full mutation).
 * - When the remote cannot be read, the catalog is left as it is.
 * - Each run's outcome (commit, entity counts, skipped files, or why it failed) is
 *   recorded in the status store.
 */
export class PlatformRepoEntityProvider implements EntityProvider {
  readonly #config: PlatformRepoProviderConfig;
  readonly #logger: LoggerService;
  readonly #taskRunner: SchedulerServiceTaskRunner;
  readonly #mirror: GitMirror;
  readonly #catalog: CatalogService;
  readonly #auth: AuthService;
  readonly #status?: PlatformRepoStatusStore;
  readonly #files: EntityFileCache;
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
    this.#status = deps.status;
    this.#files = new EntityFileCache({ maxFileBytes: config.maxFileBytes });
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
    const attemptAt = new Date();

    let commit: string;
    let files: Array<{ path: string; result: EntityFileResult }>;
    try {
      commit = await this.#mirror.sync(signal);
      const tree = await this.#mirror.listFiles(
        commit,
        isPlatformRepoEntityFile,
        signal,
      );
      files = await this.#files.read(tree, (oids, onBlob) =>
        this.#mirror.streamBlobs(oids, onBlob, signal),
      );
    } catch (error) {
      throw await this.#failed(
        attemptAt,
        new ForwardedError(
          `Cannot read ${where}; the catalog is left unchanged`,
          error,
        ),
      );
    }

    const { entities, errors } = collectEntities(files);
    const emitted = entities.map(({ path, entity }) =>
      this.#annotate(entity, path),
    );
    let kept: { entities: Entity[]; files: Set<string> };
    try {
      kept = await this.#keepLastGood(errors, emitted);
    } catch (error) {
      throw await this.#failed(attemptAt, error as Error);
    }

    const all = [...emitted, ...kept.entities];
    try {
      await this.#connection.applyMutation({
        type: 'full',
        entities: all.map(entity => ({
          entity,
          locationKey: `fleet-platform-repo:${id}`,
        })),
      });
    } catch (error) {
      throw await this.#failed(attemptAt, error as Error);
    }

    for (const error of errors) {
      this.#logger.warn(`Skipped ${formatFileError(error)}`);
    }
    this.#logger.info(
      `Read ${where} at ${commit.slice(0, 12)}: ${summarize(emitted)}; ` +
        `${new Set(errors.map(e => e.path)).size} broken files skipped, ` +
        `${kept.files.size} of them kept at their last good version`,
    );
    await this.#record((status, source) =>
      status.recordRead(
        source,
        readSummary({ commit, at: new Date(), entities: all, errors, kept }),
      ),
    );
  }

  /** Records a failed run and hands back its error to throw. */
  async #failed(at: Date, error: Error): Promise<Error> {
    await this.#record((status, source) =>
      status.recordFailure(source, { at, message: error.message }),
    );
    return error;
  }

  /** Records the outcome of a run; a failure to record is logged, never fails the run. */
  async #record(
    write: (
      status: PlatformRepoStatusStore,
      source: PlatformRepoSource,
    ) => Promise<void>,
  ): Promise<void> {
    if (!this.#status) {
      return;
    }
    const { id, remote, branch } = this.#config;
    try {
      await write(this.#status, { id, remote: redact(remote), branch });
    } catch (error) {
      this.#logger.warn(
        `Cannot record the state of platform repository ${id}: ${stringifyError(
          error,
        )}`,
      );
    }
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

  /**
   * The catalog's current entities of broken files, marked with their errors, and the
   * files they are kept for.
   */
  async #keepLastGood(
    errors: PlatformRepoFileError[],
    emitted: Entity[],
  ): Promise<{ entities: Entity[]; files: Set<string> }> {
    if (errors.length === 0) {
      return { entities: [], files: new Set() };
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
    const kept = [...found].filter(
      ([, entity]) => !emittedRefs.has(stringifyEntityRef(entity)),
    );
    return {
      entities: kept.map(([, entity]) => entity),
      files: new Set(kept.map(([file]) => file)),
    };
  }
}

function summarize(entities: Entity[]): string {
  const { profiles, clusters, namespaces } = countEntities(entities);
  return `${entities.length} entities (${profiles} profiles, ${clusters} clusters, ${namespaces} namespaces)`;
}
