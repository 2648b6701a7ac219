import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { Knex } from 'knex';
import {
  clusterEntity,
  profileEntity,
  registeredFrom,
  TODAY,
} from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';
import { NOTIFICATIONS_TASK_ID } from './scheduleNotifications';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function cluster(
  name: string,
  index: number,
  version: string,
  rollout?: Record<string, string>,
  owner = 'group:default/team-payments',
): Entity {
  return clusterEntity(
    name,
    `10.${64 + index}.0.0/16`,
    `10.96.${index * 16}.0/20`,
    {
      spec: { owner, profileVersion: version, ...(rollout ? { rollout } : {}) },
    },
  );
}

// TODAY is 2026-06-15
const entities: Entity[] = [
  profileEntity('production', '3.2.0', ['3.1.0']),
  cluster('prd-canary-01', 0, '3.2.0', {
    wave: 'canary',
    versionSince: '2026-06-13',
  }),
  cluster(
    'prd-canary-02',
    1,
    '3.2.0',
    { wave: 'canary', versionSince: '2026-06-14T16:30:00Z' },
    'group:default/team-checkout',
  ),
  // behind its profile: nothing was promoted to it
  cluster('prd-east-01', 2, '3.1.0', {
    wave: 'production-east',
    versionSince: '2026-06-14',
  }),
  // promoted long ago: history, not news
  cluster('prd-west-01', 3, '3.2.0', {
    wave: 'production-west',
    versionSince: '2026-05-01',
  }),
  // never promoted through a rollout
  cluster('prd-west-02', 4, '3.2.0'),
  // not from the platform repository: whoever wrote it could name any owner
  registeredFrom(
    cluster(
      'prd-lure-01',
      5,
      '3.2.0',
      { versionSince: '2026-06-14' },
      'group:default/team-checkout',
    ),
    'https://github.com/mallory/catalog/blob/main/cluster.yaml',
  ),
];

describe.each(databases.eachSupportedId())(
  'rollout notifications on %s',
  databaseId => {
    let knex: Knex;
    const running: Array<{ stop(): Promise<void> }> = [];

    beforeEach(async () => {
      knex = await databases.init(databaseId);
    });
    afterEach(async () => {
      await Promise.all(running.splice(0).map(backend => backend.stop()));
    });

    async function start() {
      const context = await startFleetTestBackend({
        entities,
        today: TODAY,
        features: [mockServices.database.factory({ knex })],
      });
      running.push(context.backend);
      return {
        ...context,
        run: () => context.scheduler.triggerTask(NOTIFICATIONS_TASK_ID),
      };
    }

    it('tells each owner once that their cluster’s wave was promoted', async () => {
      const instance = await start();
      await instance.run();
      await instance.run();
      expect(instance.sent.map(n => n.payload.scope).sort()).toEqual([
        'fleet-rollout:resource:default/prd-canary-01:2026-06-13:3.2.0',
        'fleet-rollout:resource:default/prd-canary-02:2026-06-14:3.2.0',
      ]);
      const second = instance.sent.find(n =>
        n.payload.scope?.includes('prd-canary-02'),
      )!;
      expect(second).toEqual({
        recipients: {
          type: 'entity',
          entityRef: 'group:default/team-checkout',
        },
        payload: expect.objectContaining({
          title: 'Cluster prd-canary-02 moves to production 3.2.0',
          link: '/catalog/default/resource/prd-canary-02',
          topic: 'fleet-rollout',
        }),
      });
      expect(second.payload.description).toContain(
        'The wave canary of profile production was promoted to 3.2.0 (profileVersion changed 2026-06-14T16:30:00Z).',
      );
    });

    it('sends once across two replicas sharing the database', async () => {
      const [one, two] = [await start(), await start()];
      await Promise.all([one.run(), two.run()]);
      await Promise.all([one.run(), two.run()]);
      expect(one.sent.length + two.sent.length).toBe(2);
    });
  },
);
