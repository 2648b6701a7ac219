import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import type { ObservedCluster } from './types';

const TABLE = 'fleet_management_plane_facts';
const MIGRATIONS_TABLE = 'fleet_management_plane__knex_migrations';
const BATCH = 200;

/** One source's facts about one cluster, as stored. */
export type StoredClusterFacts = {
  sourceType: string;
  sourceId: string;
  /** The cluster entity name the facts attach to (see clusterKey). */
  clusterKey: string;
  cluster: ObservedCluster;
};

/** The facts a source reported, keyed by cluster entity name. */
export type ClusterFactsByKey = ReadonlyMap<string, ObservedCluster>;

type Row = {
  source_type: string;
  source_id: string;
  cluster_key: string;
  facts: string;
  updated_at: Date | string;
};

// Several catalog modules share one knex client: migrate it once per process.
const migrated = new WeakMap<Knex, Promise<void>>();

/**
 * What management planes last reported about clusters, in the catalog's database
 * (its own table and migrations), so that every catalog replica's processor reads
 * the same facts. A source's facts are replaced as a whole, in one transaction, and
 * only after the source answered completely.
 */
export class ManagementPlaneFactsStore {
  readonly #knex: Knex;

  /** Opens the store on the plugin's database, migrating it unless migrations are skipped. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<ManagementPlaneFactsStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      let migration = migrated.get(knex);
      if (!migration) {
        migration = knex.migrate.latest({
          directory: resolvePackagePath(
            '@fleet-portal/plugin-fleet-node',
            'migrations',
          ),
          tableName: MIGRATIONS_TABLE,
          loadExtensions: ['.js'],
        });
        migrated.set(knex, migration);
        // A failed migration is retried by the next module that opens the store.
        migration.catch(() => migrated.delete(knex));
      }
      await migration;
    }
    return new ManagementPlaneFactsStore(knex);
  }

  private constructor(knex: Knex) {
    this.#knex = knex;
  }

  /**
   * Replaces everything a source reported with `clusters` (keyed by cluster entity
   * name) and returns the keys whose facts were added, changed or removed.
   */
  async replaceSource(
    source: { type: string; id: string },
    clusters: ClusterFactsByKey,
  ): Promise<string[]> {
    return this.#knex.transaction(async tx => {
      const previous = new Map<string, string>(
        (
          await tx<Row>(TABLE)
            .where({ source_type: source.type, source_id: source.id })
            .select('cluster_key', 'facts')
        ).map(row => [row.cluster_key, row.facts]),
      );
      const now = new Date();
      const upserts: Row[] = [];
      for (const [key, cluster] of clusters) {
        const facts = serialize(cluster);
        if (previous.get(key) !== facts) {
          upserts.push({
            source_type: source.type,
            source_id: source.id,
            cluster_key: key,
            facts,
            updated_at: now,
          });
        }
      }
      const removed = [...previous.keys()].filter(key => !clusters.has(key));

      for (let i = 0; i < removed.length; i += BATCH) {
        await tx(TABLE)
          .where({ source_type: source.type, source_id: source.id })
          .whereIn('cluster_key', removed.slice(i, i + BATCH))
          .delete();
      }
      for (let i = 0; i < upserts.length; i += BATCH) {
        await tx(TABLE)
          .insert(upserts.slice(i, i + BATCH))
          .onConflict(['source_type', 'source_id', 'cluster_key'])
          .merge(['facts', 'updated_at']);
      }
      return [...upserts.map(row => row.cluster_key), ...removed];
    });
  }

  /** Every source's facts about the cluster entity named `key`, optionally of one kind of source, by source id. */
  async factsFor(
    key: string,
    sourceType?: string,
  ): Promise<StoredClusterFacts[]> {
    // By cluster key alone: a key has one row per source instance, and with the source
    // type in the query SQLite's planner picks the primary key and scans the whole type.
    const rows = (await this.#knex<Row>(TABLE).where({ cluster_key: key }))
      .filter(row => !sourceType || row.source_type === sourceType)
      .sort(
        (a, b) =>
          a.source_type.localeCompare(b.source_type) ||
          a.source_id.localeCompare(b.source_id),
      );
    return rows.map(toStored);
  }

  /** How many clusters one source last reported. */
  async countSource(source: { type: string; id: string }): Promise<number> {
    const [row] = await this.#knex(TABLE)
      .where({ source_type: source.type, source_id: source.id })
      .count({ count: '*' });
    return Number(row?.count ?? 0);
  }

  /** What one source last reported. */
  async listSource(source: {
    type: string;
    id: string;
  }): Promise<StoredClusterFacts[]> {
    const rows = await this.#knex<Row>(TABLE)
      .where({ source_type: source.type, source_id: source.id })
      .orderBy('cluster_key');
    return rows.map(toStored);
  }
}

function toStored(row: Row): StoredClusterFacts {
  return {
    sourceType: row.source_type,
    sourceId: row.source_id,
    clusterKey: row.cluster_key,
    cluster: JSON.parse(row.facts) as ObservedCluster,
  };
}

/** JSON with the fields in a fixed order, so that equal facts compare equal as text. */
function serialize(cluster: ObservedCluster): string {
  const fields: Array<keyof ObservedCluster> = [
    'name',
    'externalId',
    'url',
    'agent',
    'agentVersion',
    'status',
    'statusMessage',
    'kubernetesVersion',
    'lastSeen',
    'apiServerUrl',
    'environment',
    'region',
    'owner',
  ];
  const ordered: Record<string, unknown> = {};
  for (const field of fields) {
    if (cluster[field] !== undefined) {
      ordered[field] = cluster[field];
    }
  }
  return JSON.stringify(ordered);
}
