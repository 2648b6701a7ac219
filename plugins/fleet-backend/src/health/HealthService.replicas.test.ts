import { TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Knex } from 'knex';
import path from 'node:path';
import {
  json,
  RecordedRequest,
  startRecorder,
  vectorOf,
} from '../__testUtils__/httpRecorder';
import { catalogCluster } from '../__testUtils__/healthScenario';
import { jsonMemoryCache } from '../__testUtils__/memoryCache';
import { LeaseStore } from '../coordination/LeaseStore';
import { readHealthConfig } from './config';
import { HealthService } from './HealthService';
import { DEFAULT_SIGNALS } from './signals';

jest.setTimeout(60_000);

const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const NOW = new Date('2026-11-22T10:00:00Z');
const T = NOW.getTime() / 1000;
const PER_ROUND = DEFAULT_SIGNALS.length + 3;
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** A slow source, so that the replicas' requests overlap while a round is under way. */
function slowAnswer(req: RecordedRequest, res: Parameters<typeof json>[0]) {
  setTimeout(() => {
    const value = req.form.query.includes('timestamp(up') ? T - 30 : 1;
    json(res, 200, vectorOf({ a: value }, T));
  }, 150);
}

describe.each(databases.eachSupportedId())(
  'fleet health rounds across replicas on %s',
  databaseId => {
    let knex: Knex;
    let recorder: Awaited<ReturnType<typeof startRecorder>>;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      recorder = await startRecorder(slowAnswer);
    });
    afterEach(() => recorder.stop());

    /** Replicas: each its own HealthService and lease holder, one database and one cache. */
    function replicas(count: number) {
      const config = readHealthConfig(
        new ConfigReader({
          fleet: {
            health: {
              cacheSeconds: 30,
              sources: [
                {
                  name: 'central',
                  type: 'prometheus',
                  url: recorder.url,
                  timeoutSeconds: 1,
                },
              ],
            },
          },
        }),
      )!;
      const { cache } = jsonMemoryCache();
      const catalog = [catalogCluster('a')];
      return Array.from(
        { length: count },
        () =>
          new HealthService(config, {
            cache,
            clock: { now: () => NOW },
            catalog: { visible: async () => catalog, all: async () => catalog },
            leases: new LeaseStore(knex),
          }),
      );
    }

    it('runs one round for all replicas when they ask at the same moment', async () => {
      const services = replicas(3);
      const snapshots = await Promise.all(
        services.flatMap(svc => [svc.fleet({} as any), svc.fleet({} as any)]),
      );
      expect(recorder.requests).toHaveLength(PER_ROUND);
      expect(new Set(snapshots.map(s => s.generatedAt)).size).toBe(1);
      expect(snapshots[0].clusters[0].cluster).toBe('a');
    });

    it('takes over from a replica that took the lease and stopped', async () => {
      const [svc] = replicas(1);
      // another replica took the round's lease for 300 ms and never stored a round
      const dead = new LeaseStore(knex, { holder: 'stopped-replica' });
      expect(await dead.acquire('fleet-health:round', 300)).toBe(true);

      const started = Date.now();
      const snapshot = await svc.fleet({} as any);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(snapshot.clusters[0].cluster).toBe('a');
      expect(recorder.requests).toHaveLength(PER_ROUND);
      // the lease is given back after the round
      expect(Number((await knex('fleet_leases').count({ n: '*' }))[0].n)).toBe(
        0,
      );
    });
  },
);
