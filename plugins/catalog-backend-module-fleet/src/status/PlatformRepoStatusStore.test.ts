import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { PlatformRepoRead } from '@fleet-portal/plugin-fleet-common';
import { PlatformRepoStatusStore } from './PlatformRepoStatusStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const demo = { id: 'demo', remote: '/srv/platform.git', branch: 'main' };
const other = {
  id: 'other',
  remote: 'https://***@git.example.com/platform.git',
  branch: 'release',
};

const read = (commit: string, at: string): PlatformRepoRead => ({
  commit,
  at,
  entities: { profiles: 1, clusters: 2, namespaces: 0 },
  skippedFiles: 1,
  problems: [
    {
      path: 'clusters/x/cluster.yaml',
      line: 7,
      reason: 'invalid YAML: Map keys must be unique',
      lastGoodKept: false,
    },
  ],
});

describe('PlatformRepoStatusStore', () => {
  it.each(databases.eachSupportedId())(
    'keeps the last read and the latest failure of each provider on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({ knex });
      const store = await PlatformRepoStatusStore.create({ database });
      // a second replica starting on the same database
      await PlatformRepoStatusStore.create({ database });

      // before any run: the configured providers, nothing read yet
      await expect(store.list([demo, other])).resolves.toEqual([demo, other]);

      await store.recordRead(
        demo,
        read('a'.repeat(40), '2026-11-20T10:00:00.000Z'),
      );
      await expect(store.list([demo])).resolves.toEqual([
        {
          ...demo,
          lastAttemptAt: '2026-11-20T10:00:00.000Z',
          lastRead: read('a'.repeat(40), '2026-11-20T10:00:00.000Z'),
        },
      ]);

      // a failed run keeps what was read, as the catalog does
      await store.recordFailure(demo, {
        at: new Date('2026-11-20T10:02:00.000Z'),
        message: 'Cannot read platform repository demo; git fetch failed',
      });
      const [failed] = await store.list([demo]);
      expect(failed).toEqual({
        ...demo,
        lastAttemptAt: '2026-11-20T10:02:00.000Z',
        lastRead: read('a'.repeat(40), '2026-11-20T10:00:00.000Z'),
        failure: 'Cannot read platform repository demo; git fetch failed',
      });

      // the next good read clears the failure
      await store.recordRead(
        demo,
        read('b'.repeat(40), '2026-11-20T10:04:00.000Z'),
      );
      const [recovered] = await store.list([demo]);
      expect(recovered.failure).toBeUndefined();
      expect(recovered.lastRead?.commit).toBe('b'.repeat(40));

      // a provider whose first run failed has no read
      await store.recordFailure(other, {
        at: new Date('2026-11-20T10:05:00.000Z'),
        message: 'Cannot read platform repository other',
      });
      await expect(store.list([other])).resolves.toEqual([
        {
          ...other,
          lastAttemptAt: '2026-11-20T10:05:00.000Z',
          failure: 'Cannot read platform repository other',
        },
      ]);

      // state about another remote or branch is not shown (the config changed) ...
      await expect(
        store.list([{ ...demo, branch: 'production' }]),
      ).resolves.toEqual([{ ...demo, branch: 'production' }]);
      // ... and not carried over by a failure there
      await store.recordFailure(
        { ...demo, branch: 'production' },
        { at: new Date('2026-11-20T10:06:00.000Z'), message: 'no branch' },
      );
      const [moved] = await store.list([{ ...demo, branch: 'production' }]);
      expect(moved.lastRead).toBeUndefined();
    },
  );
});
