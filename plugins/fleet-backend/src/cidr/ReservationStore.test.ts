import { TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { Knex } from 'knex';
import path from 'path';
import { Occupancy, Occupant } from './occupancy';
import { acceptedBlocks } from './planErrors';
import { planBlocks } from './planBlocks';
import { ProfilePools, profilePools } from './profilePools';
import { ReserveInput, ReservationStore } from './ReservationStore';
import { cidr } from './testHelpers';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const NOW = new Date('2026-09-01T08:00:00Z');
const LATER = new Date('2026-09-02T08:00:00Z');

const edge = profilePools('clusterprofile:default/edge', {
  podPools: ['172.16.0.0/13'],
  servicePools: ['172.24.0.0/16'],
  podPrefix: 22,
  servicePrefix: 24,
});

function input(
  cluster: string,
  pools: ProfilePools = edge,
  base: Occupant[] = [],
  overrides: Partial<ReserveInput> = {},
): ReserveInput {
  return {
    cluster,
    profileRef: pools.profileRef,
    requestedBy: 'user:default/priya.platform',
    now: NOW,
    expiresAt: LATER,
    choose: reserved =>
      acceptedBlocks(
        planBlocks({
          pools,
          occupancy: new Occupancy([...base, ...reserved]),
          requested: {},
          holder: cluster,
        }),
        pools,
      ),
    checkExisting: () => {},
    ...overrides,
  };
}

/** No two blocks share an address. */
function expectDisjoint(blocks: string[]) {
  const sorted = blocks.map(cidr).sort((a, b) => (a.start < b.start ? -1 : 1));
  for (let i = 1; i < sorted.length; i++) {
    expect(sorted[i].start > sorted[i - 1].end).toBe(true);
  }
}

describe.each(databases.eachSupportedId())(
  'ReservationStore on %s',
  databaseId => {
    let knex: Knex;
    let store: ReservationStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: MIGRATIONS });
      store = new ReservationStore(knex);
    });

    it('reserves, lists, and returns the same reservation to a retried request', async () => {
      const first = await store.reserve(input('edg-ber01-store-01'));
      expect(first.created).toBe(true);
      expect(first.reservation).toMatchObject({
        cluster: 'edg-ber01-store-01',
        podCidr: '172.16.0.0/22',
        podPool: '172.16.0.0/13',
        serviceCidr: '172.24.0.0/24',
        status: 'pending',
        createdAt: NOW.toISOString(),
        expiresAt: LATER.toISOString(),
      });
      const retried = await store.reserve(
        input('edg-ber01-store-01', edge, [], {
          expiresAt: new Date('2026-09-03T08:00:00Z'),
        }),
      );
      expect(retried.created).toBe(false);
      expect(retried.reservation).toMatchObject({
        id: first.reservation.id,
        podCidr: '172.16.0.0/22',
        expiresAt: '2026-09-03T08:00:00.000Z',
      });
      const second = await store.reserve(input('edg-ham01-store-01'));
      expect(second.reservation.podCidr).toBe('172.16.4.0/22');
      expect((await store.list()).map(r => r.cluster)).toEqual([
        'edg-ber01-store-01',
        'edg-ham01-store-01',
      ]);
      expect(await store.list({ cluster: 'edg-ham01-store-01' })).toHaveLength(
        1,
      );
    });

    it('releases a reservation and its blocks, which the next request then gets', async () => {
      const { reservation } = await store.reserve(input('a'));
      const by = { by: 'user:default/priya.platform', at: NOW, reason: 'test' };
      expect(await store.release(reservation.id, by)).toBe(true);
      expect(await store.release(reservation.id, by)).toBe(false);
      expect(await store.releases('a')).toEqual([
        expect.objectContaining({
          reservationId: reservation.id,
          releasedBy: 'user:default/priya.platform',
          releasedAt: NOW.toISOString(),
          reason: 'test',
          status: 'pending',
        }),
      ]);
      expect(await store.occupants()).toEqual([]);
      expect((await store.reserve(input('b'))).reservation.podCidr).toBe(
        reservation.podCidr,
      );
    });

    it('releases expired pending reservations only, and keeps confirmed ones', async () => {
      const a = (await store.reserve(input('a'))).reservation;
      await store.reserve(
        input('b', edge, [], { expiresAt: new Date('2026-09-05T00:00:00Z') }),
      );
      const c = (await store.reserve(input('c'))).reservation;
      await store.confirm(c.id, 'resource:default/c', NOW);
      const released = await store.releaseExpired(
        new Date('2026-09-03T00:00:00Z'),
      );
      expect(released.map(r => r.id)).toEqual([a.id]);
      const left = await store.list();
      expect(left.map(r => [r.cluster, r.status])).toEqual([
        ['b', 'pending'],
        ['c', 'confirmed'],
      ]);
      expect(left[1]).toMatchObject({
        confirmedBy: 'resource:default/c',
        confirmedAt: NOW.toISOString(),
      });
      expect(left[1].expiresAt).toBeUndefined();
      expect((await store.occupants()).map(o => o.name).sort()).toEqual([
        'b',
        'b',
        'c',
        'c',
      ]);
    });

    it('refuses a second copy of a block at the database, whoever inserts it', async () => {
      const { reservation } = await store.reserve(input('a'));
      const sneaky = store.reserve(
        input('b', edge, [], {
          // An allocator that ignores what is reserved, as two racing ones effectively do.
          choose: () => ({
            pod: { cidr: reservation.podCidr, pool: reservation.podPool },
            service: { cidr: '172.24.9.0/24', pool: '172.24.0.0/16' },
          }),
        }),
      );
      await expect(sneaky).rejects.toThrow(ConflictError);
      await expect(sneaky).rejects.toThrow(
        /attempts lost to concurrent reservations/,
      );
      expect(await store.list()).toHaveLength(1);
    });

    if (databaseId === 'POSTGRES_15') {
      it('refuses overlapping blocks of different sizes on PostgreSQL (exclusion constraint)', async () => {
        await store.reserve(input('a'));
        const nested = store.reserve(
          input('b', edge, [], {
            choose: () => ({
              pod: { cidr: '172.16.0.0/24', pool: '172.16.0.0/13' },
              service: { cidr: '172.24.9.0/24', pool: '172.24.0.0/16' },
            }),
          }),
        );
        await expect(nested).rejects.toThrow(ConflictError);
      });
    }

    it('gives 20 simultaneous reservations against one pool 20 distinct, disjoint blocks', async () => {
      const clusters = Array.from(
        { length: 20 },
        (_, i) => `edg-sim${String(i).padStart(2, '0')}-x-01`,
      );
      const results = await Promise.all(
        clusters.map(c => store.reserve(input(c))),
      );
      const pods = results.map(r => r.reservation.podCidr);
      const services = results.map(r => r.reservation.serviceCidr);
      expect(new Set(pods).size).toBe(20);
      expect(new Set(services).size).toBe(20);
      expectDisjoint([...pods, ...services]);
      // First fit: the 20 lowest blocks of the pool.
      expect(
        pods
          .map(cidr)
          .map(c => c.start)
          .sort((a, b) => (a < b ? -1 : 1)),
      ).toEqual(
        Array.from(
          { length: 20 },
          (_, i) => cidr('172.16.0.0/22').start + BigInt(i) * 1024n,
        ),
      );
      // On PostgreSQL the allocators really raced and the constraints, not luck, kept the blocks
      // apart; SQLite runs one write transaction at a time.
      expect({ databaseId, raced: store.lostRaces > 0 }).toEqual({
        databaseId,
        raced: databaseId === 'POSTGRES_15',
      });
      const stored = await store.list();
      expect(stored).toHaveLength(20);
      expect(new Set(stored.map(r => r.podCidr)).size).toBe(20);
    });

    it('gives 5 of 20 simultaneous reservations the 5 free blocks and the rest a clean pool-exhausted error', async () => {
      const small = profilePools('clusterprofile:default/small', {
        podPools: ['10.0.0.0/21'],
        servicePools: ['10.200.0.0/16'],
        podPrefix: 24,
        servicePrefix: 24,
      });
      // 8 blocks of /24, 3 of them reserved in config: 5 free.
      const reservedRanges: Occupant[] = [
        {
          cidr: cidr('10.0.0.0/23'),
          kind: 'reserved-range',
          name: 'node subnets',
        },
        { cidr: cidr('10.0.4.0/24'), kind: 'reserved-range', name: 'VPN' },
      ];
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.reserve(input(`c${i}`, small, reservedRanges)),
        ),
      );
      const ok = outcomes.flatMap(o =>
        o.status === 'fulfilled' ? [o.value.reservation] : [],
      );
      const failed = outcomes.flatMap(o =>
        o.status === 'rejected' ? [o.reason] : [],
      );
      expect(ok.map(r => r.podCidr).sort()).toEqual([
        '10.0.2.0/24',
        '10.0.3.0/24',
        '10.0.5.0/24',
        '10.0.6.0/24',
        '10.0.7.0/24',
      ]);
      expect(failed).toHaveLength(15);
      for (const error of failed) {
        expect(error).toBeInstanceOf(ConflictError);
        expect(error.message).toBe(
          'No free CIDR block in profile clusterprofile:default/small; caused by CidrPoolExhaustedError: The pod pool 10.0.0.0/21 has no free /24 block left',
        );
        expect(error.cause).toMatchObject({
          name: 'CidrPoolExhaustedError',
          pools: ['10.0.0.0/21'],
          role: 'pod',
        });
      }
      expect(await store.list()).toHaveLength(5);
    });

    it('reserves IPv6 blocks the same way', async () => {
      const v6 = profilePools('clusterprofile:default/v6', {
        podPools: ['fd00:10::/48'],
        servicePools: ['fd00:20::/108'],
        podPrefix: 64,
        servicePrefix: 112,
      });
      const results = await Promise.all(
        ['a', 'b', 'c'].map(c => store.reserve(input(c, v6))),
      );
      expect(new Set(results.map(r => r.reservation.podCidr))).toEqual(
        new Set(['fd00:10::/64', 'fd00:10:0:1::/64', 'fd00:10:0:2::/64']),
      );
      expect(new Set(results.map(r => r.reservation.serviceCidr))).toEqual(
        new Set(['fd00:20::/112', 'fd00:20::1:0/112', 'fd00:20::2:0/112']),
      );
    });

    it('returns one reservation to 5 simultaneous requests for the same cluster', async () => {
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          store.reserve(input('edg-same01-x-01')),
        ),
      );
      expect(new Set(results.map(r => r.reservation.id)).size).toBe(1);
      expect(results.filter(r => r.created)).toHaveLength(1);
      expect(await store.list()).toHaveLength(1);
    });
  },
);
