import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type {
  PlatformRepoRead,
  PlatformRepoStatus,
} from '@fleet-portal/plugin-fleet-common';

// The knex client the database service hands out (knex itself is not a dependency).
type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const TABLE = 'fleet_platform_repo_status';
const MIGRATIONS_TABLE = 'fleet_platform_repo__knex_migrations';

type Row = {
  provider_id: string;
  remote: string;
  branch: string;
  last_attempt_at: Date | string | number;
  failure: string | null;
  last_read: string | null;
};

/** A provider as configured: the state is about this remote and branch. */
export type PlatformRepoSource = { id: string; remote: string; branch: string };

/**
 * The state of each platform-repository provider, in the catalog's database: the
 * provider runs on one replica per schedule, and every replica's status route reads
 * the same rows. One row per provider, replaced after every run.
 */
export class PlatformRepoStatusStore {
  readonly #knex: Knex;

  /** Opens the store on the catalog's database, migrating it unless migrations are skipped. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<PlatformRepoStatusStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@fleet-portal/plugin-catalog-backend-module-fleet',
          'migrations',
        ),
        tableName: MIGRATIONS_TABLE,
        loadExtensions: ['.js'],
      });
    }
    return new PlatformRepoStatusStore(knex);
  }

  private constructor(knex: Knex) {
    this.#knex = knex;
  }

  /** Records a successful read; it clears the failure of an earlier attempt. */
  async recordRead(
    source: PlatformRepoSource,
    read: PlatformRepoRead,
  ): Promise<void> {
    await this.#upsert({
      ...columnsOf(source),
      last_attempt_at: new Date(read.at),
      failure: null,
      last_read: JSON.stringify(read),
    });
  }

  /** Records a failed attempt; the last successful read stays, as the catalog keeps it. */
  async recordFailure(
    source: PlatformRepoSource,
    failure: { at: Date; message: string },
  ): Promise<void> {
    const [previous] = await this.#knex<Row>(TABLE)
      .where({ provider_id: source.id })
      .select('remote', 'branch', 'last_read');
    await this.#upsert({
      ...columnsOf(source),
      last_attempt_at: failure.at,
      failure: failure.message,
      last_read:
        previous && isSameSource(previous, source) ? previous.last_read : null,
    });
  }

  /**
   * The state of each given provider, in order. A provider that never ran, or whose
   * row is about another remote or branch (the config changed), has no state yet.
   */
  async list(sources: PlatformRepoSource[]): Promise<PlatformRepoStatus[]> {
    const rows = sources.length
      ? await this.#knex<Row>(TABLE).whereIn(
          'provider_id',
          sources.map(source => source.id),
        )
      : [];
    const byId = new Map(rows.map(row => [row.provider_id, row]));
    return sources.map(source => {
      const row = byId.get(source.id);
      const status: PlatformRepoStatus = { ...source };
      if (!row || !isSameSource(row, source)) {
        return status;
      }
      status.lastAttemptAt = new Date(row.last_attempt_at).toISOString();
      if (row.last_read) {
        status.lastRead = JSON.parse(row.last_read) as PlatformRepoRead;
      }
      if (row.failure) {
        status.failure = row.failure;
      }
      return status;
    });
  }

  async #upsert(row: Row): Promise<void> {
    await this.#knex<Row>(TABLE)
      .insert(row)
      .onConflict('provider_id')
      .merge(['remote', 'branch', 'last_attempt_at', 'failure', 'last_read']);
  }
}

function columnsOf(source: PlatformRepoSource) {
  return {
    provider_id: source.id,
    remote: source.remote,
    branch: source.branch,
  };
}

function isSameSource(
  row: Pick<Row, 'remote' | 'branch'>,
  source: PlatformRepoSource,
): boolean {
  return row.remote === source.remote && row.branch === source.branch;
}
