import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import {
  clusterEntity,
  fleet,
  profiles,
  registeredFrom,
  TODAY,
} from '../__fixtures__/entities';
import {
  FleetTestBackendOptions,
  startFleetTestBackend,
} from '../__testUtils__/fleetTestBackend';
import { NotificationKey, NotificationLedger } from './NotificationLedger';
import { NOTIFICATIONS_TASK_ID } from './scheduleNotifications';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

/** What the fleet fixtures call for on TODAY: the most urgent threshold of each date, once. */
const EXPECTED_ON_TODAY = [
  'fleet-lifecycle:resource:default/dev-euw1-legacy-01:retire:2026-05-01:past',
  'fleet-lifecycle:resource:default/prd-euw1-checkout-01:review:2026-07-10:30d',
  'fleet-lifecycle:resource:default/stg-euw1-checkout-01:review:2026-06-01:past',
  'fleet-lifecycle:resource:default/tst-euw1-reindex-01:retire:2026-08-01:90d',
];

describe.each(databases.eachSupportedId())(
  'lifecycle notifications on %s',
  databaseId => {
    let knex: Knex;
    const running: Array<{ stop(): Promise<void> }> = [];

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });
    afterEach(async () => {
      await Promise.all(running.splice(0).map(backend => backend.stop()));
    });

    async function start(options: Partial<FleetTestBackendOptions> = {}) {
      const context = await startFleetTestBackend({
        entities: [...fleet, ...profiles],
        today: TODAY,
        ...options,
        features: [mockServices.database.factory({ knex })],
      });
      running.push(context.backend);
      return {
        ...context,
        run: () => context.scheduler.triggerTask(NOTIFICATIONS_TASK_ID),
        scopes: () => context.sent.map(n => n.payload.scope).sort(),
      };
    }

    it('sends each notification once, to the owner, however often the task runs', async () => {
      const instance = await start();
      await instance.run();
      await instance.run();
      expect(instance.scopes()).toEqual(EXPECTED_ON_TODAY);
      expect(instance.sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: expect.stringMatching(/^group:default\//),
      });
      const checkout = instance.sent.find(n =>
        n.payload.scope?.includes('prd-euw1-checkout-01'),
      )!;
      expect(checkout).toEqual({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/team-checkout',
        },
        payload: expect.objectContaining({
          title: 'Review of cluster prd-euw1-checkout-01 is due in 25 days',
          link: '/catalog/default/resource/prd-euw1-checkout-01',
          topic: 'fleet-lifecycle',
          severity: 'normal',
        }),
      });
    });

    it('skips clusters without an owner', async () => {
      const ownerless = clusterEntity(
        'lab-euw1-sandbox-01',
        '10.70.0.0/16',
        '10.96.96.0/20',
        {
          spec: {
            owner: undefined,
            lifetime: { created: '2026-01-10', reviewBy: '2026-06-01' },
          },
        },
      );
      const instance = await start({
        entities: [ownerless, ...fleet, ...profiles],
      });
      await instance.run();
      expect(instance.scopes()).toEqual(EXPECTED_ON_TODAY);
    });

    it('tells nobody about clusters that are not from the platform repository', async () => {
      // registered from a URL, naming any group as owner and a date that is due
      const registered = registeredFrom(
        clusterEntity('lab-euw1-lure-01', '10.70.0.0/16', '10.96.96.0/20', {
          spec: {
            owner: 'group:default/team-checkout',
            lifetime: { created: '2026-01-10', reviewBy: '2026-06-01' },
          },
        }),
        'https://github.com/mallory/catalog/blob/main/cluster.yaml',
      );
      const instance = await start({
        entities: [registered, ...fleet, ...profiles],
      });
      await instance.run();
      expect(instance.scopes()).toEqual(EXPECTED_ON_TODAY);
    });

    it('sends no duplicate after a restart on the same database', async () => {
      const first = await start();
      await first.run();
      await first.backend.stop();

      const second = await start();
      await second.run();
      expect(first.scopes()).toEqual(EXPECTED_ON_TODAY);
      expect(second.sent).toEqual([]);
    });

    it('sends the next threshold as dates come closer, and for a changed date', async () => {
      const first = await start();
      await first.run();

      const later = await start({ today: '2026-07-05' });
      await later.run();
      expect(later.scopes()).toEqual([
        'fleet-lifecycle:resource:default/prd-euw1-checkout-01:review:2026-07-10:7d',
        'fleet-lifecycle:resource:default/tst-euw1-reindex-01:retire:2026-08-01:30d',
      ]);

      const reviewed = fleet.map(entity =>
        entity.metadata.name === 'stg-euw1-checkout-01'
          ? {
              ...entity,
              spec: {
                ...entity.spec,
                lifetime: { created: '2025-01-10', reviewBy: '2026-07-20' },
              },
            }
          : entity,
      );
      const afterReview = await start({
        entities: [...reviewed, ...profiles],
        today: '2026-07-05',
      });
      await afterReview.run();
      expect(afterReview.scopes()).toEqual([
        'fleet-lifecycle:resource:default/stg-euw1-checkout-01:review:2026-07-20:30d',
      ]);
    });

    it('retries a notification whose sending failed on the next run', async () => {
      let failing = true;
      const delivered: string[] = [];
      const instance = await start({
        send: async ({ payload }) => {
          if (failing && payload.scope?.includes('stg-euw1-checkout-01')) {
            throw new Error('notifications backend unavailable');
          }
          delivered.push(payload.scope!);
        },
      });
      await instance.run();
      expect(delivered.sort()).toEqual(
        EXPECTED_ON_TODAY.filter(s => !s.includes('stg-euw1-checkout-01')),
      );

      failing = false;
      await instance.run();
      await instance.run();
      expect(delivered.sort()).toEqual(EXPECTED_ON_TODAY);
    });

    it('lets the database decide between concurrent runs', async () => {
      const replicas = [await start(), await start(), await start()];
      await Promise.all(replicas.map(replica => replica.run()));
      const all = replicas.flatMap(replica => replica.scopes()).sort();
      expect(all).toEqual(EXPECTED_ON_TODAY);
    });

    it('keeps its bookkeeping in a table with a unique key', async () => {
      await (await start()).run();
      const rows = await knex('fleet_lifecycle_notifications')
        .select('cluster_ref', 'date_kind', 'date_value', 'threshold')
        .orderBy('cluster_ref');
      expect(rows).toHaveLength(EXPECTED_ON_TODAY.length);
      // Not `.rejects.toThrow()`: that needs an Error of this test file's realm, and better-sqlite3's
      // native addon, loaded once per Jest worker, keeps throwing the SqliteError class of whichever
      // test file loaded it first. The ledger recognises conflicts by message; so does this test.
      const duplicate = await knex('fleet_lifecycle_notifications')
        .insert(rows[0])
        .then(
          () => 'inserted a duplicate',
          (error: unknown) => error,
        );
      expect(isDatabaseConflictError(duplicate) ? 'conflict' : duplicate).toBe(
        'conflict',
      );
    });

    it('claims a key once; a released key can be claimed again', async () => {
      await start(); // runs the migrations
      const ledger = new NotificationLedger(knex);
      const key: NotificationKey = {
        clusterRef: 'resource:default/c',
        kind: 'review',
        date: '2026-07-01',
        threshold: '30d',
      };
      const claims = await Promise.all([1, 2, 3].map(() => ledger.claim(key)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await ledger.claimedIds()).toEqual(
        new Set([NotificationLedger.id(key)]),
      );
      await ledger.release(key);
      expect(await ledger.claim(key)).toBe(true);
    });

    it('sends a notification whose claimer stopped before sending, once its claim has expired', async () => {
      const instance = await start();
      // a replica claimed this notice 20 minutes ago and was stopped before sending it
      await new NotificationLedger(knex).claim(
        {
          clusterRef: 'resource:default/prd-euw1-checkout-01',
          kind: 'review',
          date: '2026-07-10',
          threshold: '30d',
        },
        { now: new Date(Date.now() - 20 * 60_000), timeoutMs: 15 * 60_000 },
      );
      await instance.run();
      await instance.run();
      expect(instance.scopes()).toEqual(EXPECTED_ON_TODAY);
      const rows = await knex('fleet_lifecycle_notifications')
        .whereNull('sent_at')
        .select('cluster_ref');
      expect(rows).toEqual([]);
    });

    it('takes over an unsent claim only after its timeout, once, and records the attempt', async () => {
      await start(); // runs the migrations
      const ledger = new NotificationLedger(knex);
      const key: NotificationKey = {
        clusterRef: 'resource:default/c',
        kind: 'review',
        date: '2026-07-01',
        threshold: '30d',
      };
      const t0 = new Date('2026-06-05T10:00:00Z');
      const at = (ms: number) => new Date(t0.getTime() + ms);
      const id = NotificationLedger.id(key);
      expect(await ledger.claim(key, { now: t0, timeoutMs: 60_000 })).toBe(
        true,
      );

      // within its time the claim is its claimer's, sent or not
      expect(
        await ledger.claim(key, { now: at(59_999), timeoutMs: 60_000 }),
      ).toBe(false);
      expect(await ledger.claimedIds(at(59_999))).toEqual(new Set([id]));

      // after it, one of several runs takes it over
      expect(await ledger.claimedIds(at(60_000))).toEqual(new Set());
      const takers = await Promise.all(
        [1, 2, 3].map(() =>
          ledger.claim(key, { now: at(60_000), timeoutMs: 60_000 }),
        ),
      );
      expect(takers.filter(Boolean)).toHaveLength(1);

      // a sent notification is never taken over, however old
      await ledger.markSent(key, at(61_000));
      expect(
        await ledger.claim(key, { now: at(86_400_000), timeoutMs: 60_000 }),
      ).toBe(false);
      expect(await ledger.claimedIds(at(86_400_000))).toEqual(new Set([id]));
      const [row] = await knex('fleet_lifecycle_notifications')
        .where({ cluster_ref: key.clusterRef })
        .select('attempts', 'sent_at');
      expect({ attempts: Number(row.attempts), sent_at: row.sent_at }).toEqual({
        attempts: 2,
        sent_at: at(61_000).toISOString(),
      });
    });
  },
);
