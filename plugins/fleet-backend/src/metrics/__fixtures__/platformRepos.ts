import type { PlatformRepoStatusList } from '@fleet-portal/plugin-fleet-common';

/**
 * What the catalog module's status route answers for two providers: one read (with two
 * skipped files) whose latest run failed, one that never managed a read.
 */
export const statusList: PlatformRepoStatusList = {
  items: [
    {
      id: 'demo',
      remote: 'https://***@git.example.com/platform-config.git',
      branch: 'main',
      lastAttemptAt: '2026-11-20T10:02:00.000Z',
      lastRead: {
        commit: 'a'.repeat(40),
        at: '2026-11-20T10:00:00.000Z',
        entities: { profiles: 4, clusters: 12, namespaces: 30 },
        skippedFiles: 2,
        problems: [
          {
            path: 'clusters/x/cluster.yaml',
            line: 7,
            reason: 'invalid YAML: Map keys must be unique',
            lastGoodKept: true,
          },
          {
            path: 'clusters/y/cluster.yaml',
            line: 1,
            reason: 'the file is 2.0 MiB, more than the 1.0 MiB …',
            lastGoodKept: false,
          },
        ],
      },
      failure: 'Cannot read platform repository demo; git fetch failed',
    },
    {
      id: 'edge',
      remote: '/srv/git/edge-platform.git',
      branch: 'main',
      lastAttemptAt: '2026-11-20T10:01:00.000Z',
      failure: "Cannot read platform repository edge; couldn't find remote ref",
    },
  ],
};
