import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import path from 'node:path';
import { LeaseStore } from './LeaseStore';

jest.setTimeout(60_000);

const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const T0 = new Date('2026-11-22T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe.each(databases.eachSupportedId())('LeaseStore on %s', databaseId => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS });
  });

  it('gives a free lease to exactly one of many concurrent holders', async () => {
    const holders = Array.from({ length: 8 }, () => new LeaseStore(knex));
    const won = await Promise.all(
      holders.map(h => h.acquire('round', 1000, T0)),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
  });

  it('keeps a held lease from others until it expires, then lets one take it over', async () => {
    const a = new LeaseStore(knex, { holder: 'a' });
    const others = [
      new LeaseStore(knex),
      new LeaseStore(knex),
      new LeaseStore(knex),
    ];
    expect(await a.acquire('round', 1000, T0)).toBe(true);
    expect(await others[0].acquire('round', 1000, at(999))).toBe(false);
    const takeovers = await Promise.all(
      others.map(o => o.acquire('round', 1000, at(1000))),
    );
    expect(takeovers.filter(Boolean)).toHaveLength(1);
  });

  it("releases only the caller's own lease", async () => {
    const a = new LeaseStore(knex, { holder: 'a' });
    const b = new LeaseStore(knex, { holder: 'b' });
    expect(await a.acquire('round', 60_000, T0)).toBe(true);
    await b.release('round');
    expect(await b.acquire('round', 60_000, at(1))).toBe(false);
    await a.release('round');
    expect(await b.acquire('round', 60_000, at(2))).toBe(true);
  });

  it('keeps leases of different names apart', async () => {
    const a = new LeaseStore(knex);
    expect(await a.acquire('one', 1000, T0)).toBe(true);
    expect(await new LeaseStore(knex).acquire('two', 1000, T0)).toBe(true);
  });
});
