import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ManagementPlaneFactsStore } from './ManagementPlaneFactsStore';
import type { ObservedCluster } from './types';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

function cluster(name: string, extra: Partial<ObservedCluster> = {}) {
  return {
    name,
    externalId: `id-${name}`,
    status: 'connected',
    ...extra,
  } as ObservedCluster;
}

describe.each(databases.eachSupportedId())(
  'ManagementPlaneFactsStore on %s',
  databaseId => {
    let store: ManagementPlaneFactsStore;
    const portainer = { type: 'portainer', id: 'prod' };
    const ocm = { type: 'open-cluster-management', id: 'hub' };

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      store = await ManagementPlaneFactsStore.create({ database });
      // A second module opening the store on the same database migrates nothing twice.
      await ManagementPlaneFactsStore.create({ database });
    });

    it('reports added, changed and removed keys and keeps sources apart', async () => {
      expect(
        await store.replaceSource(
          portainer,
          new Map([
            ['a', cluster('a')],
            ['b', cluster('b')],
          ]),
        ),
      ).toEqual(['a', 'b']);
      await store.replaceSource(ocm, new Map([['a', cluster('A')]]));

      // Unchanged facts are not reported again.
      expect(
        await store.replaceSource(
          portainer,
          new Map([
            ['a', cluster('a')],
            ['b', cluster('b', { status: 'disconnected' })],
            ['c', cluster('c')],
          ]),
        ),
      ).toEqual(['b', 'c']);
      expect(
        await store.replaceSource(
          portainer,
          new Map([['b', cluster('b', { status: 'disconnected' })]]),
        ),
      ).toEqual(['a', 'c']);

      expect(
        (await store.listSource(portainer)).map(f => [
          f.clusterKey,
          f.cluster.status,
        ]),
      ).toEqual([['b', 'disconnected']]);
      expect(await store.factsFor('a')).toEqual([
        {
          sourceType: 'open-cluster-management',
          sourceId: 'hub',
          clusterKey: 'a',
          cluster: cluster('A'),
        },
      ]);
      expect(await store.factsFor('a', 'portainer')).toEqual([]);
    });

    it('replaces thousands of clusters in one go', async () => {
      const many = new Map(
        Array.from({ length: 2500 }, (_, i) => [`c${i}`, cluster(`c${i}`)]),
      );
      const source = { type: 'portainer', id: 'big' };
      expect(await store.replaceSource(source, many)).toHaveLength(2500);
      expect(await store.replaceSource(source, many)).toEqual([]);
      expect(await store.countSource(source)).toBe(2500);
      expect(await store.replaceSource(source, new Map())).toHaveLength(2500);
      expect(await store.listSource(source)).toEqual([]);
    });

    it('leaves the facts as they were when a replacement fails', async () => {
      const source = { type: 'portainer', id: 'atomic' };
      await store.replaceSource(source, new Map([['x', cluster('x')]]));
      const broken = new Map([
        ['y', cluster('y')],
        // Cannot be serialised: the whole replacement fails, x is not removed.
        ['z', { ...cluster('z'), lastSeen: 1n as unknown as string }],
      ]);
      await expect(store.replaceSource(source, broken)).rejects.toThrow();
      expect((await store.listSource(source)).map(f => f.clusterKey)).toEqual([
        'x',
      ]);
    });
  },
);
