import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { parse } from 'yaml';
import { git, GitRemote } from '../../__testUtils__/gitRemote';
import { DEVON, PRIYA, priya } from '../../__testUtils__/users';
import { createRolloutPromoteAction } from './promoteAction';
import { RolloutViewClient } from './RolloutViewClient';
import { startRolloutApiFake } from './__testUtils__/rolloutApiFake';
import {
  canaryGate,
  CANARY,
  EAST_1,
  EAST_2,
  rolloutRepositorySeed,
  rolloutView,
  WEST,
} from './__testUtils__/rolloutFixtures';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const TODAY = new Date('2026-12-06T15:30:00Z');

/** The lines of `after` that are not in `before`, and the reverse. */
function lineDiff(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return {
    removed: a.filter(line => !b.includes(line)),
    added: b.filter(line => !a.includes(line)),
  };
}

describe('fleet:rollout:promote', () => {
  let repo: GitRemote;
  let api: Awaited<ReturnType<typeof startRolloutApiFake>>;

  beforeAll(async () => {
    api = await startRolloutApiFake();
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    repo = new GitRemote(rolloutRepositorySeed());
    api.requests.length = 0;
    api.answer(rolloutView());
  });
  afterEach(() => repo.remove());

  function action(
    options: {
      result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
      writer?: PlatformRepoWriter;
    } = {},
  ) {
    const auth = mockServices.auth();
    return createRolloutPromoteAction({
      auth,
      permissions: mockServices.permissions({
        result: options.result ?? AuthorizeResult.ALLOW,
      }),
      rollouts: new RolloutViewClient({ discovery: api.discovery, auth }),
      writer: options.writer ?? new PlatformRepoWriter({ remote: repo.remote }),
      now: () => TODAY,
    });
  }

  function context(
    input: Record<string, unknown>,
    options: {
      credentials?: BackstageCredentials;
      taskId?: string;
      isDryRun?: boolean;
    } = {},
  ) {
    const ctx = createMockActionContext({
      input: input as any,
      user: { ref: PRIYA, entity: priya },
      task: { id: options.taskId ?? 'task-0001-abcdef' },
    });
    return {
      ...ctx,
      isDryRun: options.isDryRun ?? false,
      getInitiatorCredentials: async () =>
        options.credentials ?? mockCredentials.user(PRIYA),
    };
  }

  const reason = 'Canary ran 3.2.0 for a business week without warnings';

  it("proposes one branch that moves exactly the next wave's clusters, authored by the user", async () => {
    const main = repo.git('rev-parse', 'main').trim();
    const ctx = context({
      profile: 'clusterprofile:default/production',
      reason,
    });
    await action().handler(ctx as any);

    const branch = 'fleet/rollout/production/3.2.0/production-east-task-000';
    expect(ctx.output).toHaveBeenCalledWith('branch', branch);
    expect(repo.git('rev-parse', 'main').trim()).toBe(main);
    expect(
      repo.git('diff', '--name-only', `main..${branch}`).trim().split('\n'),
    ).toEqual([
      `clusters/${EAST_1}/cluster.yaml`,
      `clusters/${EAST_1}/provisioning/cluster-api.yaml`,
      `clusters/${EAST_1}/provisioning/helmfile.yaml`,
      `clusters/${EAST_2}/cluster.yaml`,
    ]);
    expect(repo.log(branch, '%an <%ae>')).toBe(
      'Priya Raman <priya.platform@acme.example>',
    );

    // the cluster files: two values changed, every comment and the rest as they were
    const before = repo.show('main', `clusters/${EAST_1}/cluster.yaml`);
    const after = repo.show(branch, `clusters/${EAST_1}/cluster.yaml`);
    expect(lineDiff(before, after)).toEqual({
      removed: ['  profileVersion: 3.1.0 # moved by rollouts'],
      added: [
        '  profileVersion: 3.2.0 # moved by rollouts',
        '    versionSince: "2026-12-06"',
      ],
    });
    expect(after).toContain('# Owners: team-payments — ask before moving it.');
    expect(after).toContain('    wave: production-east # second wave\n');
    const east2 = repo.show(branch, `clusters/${EAST_2}/cluster.yaml`);
    expect(parse(east2).spec).toMatchObject({
      profileVersion: '3.2.0',
      rollout: { wave: 'production-east', versionSince: '2026-12-06' },
    });

    // the provisioning files, rendered again for 3.2.0: Kubernetes, Cilium and the version label
    const capi = parse(
      repo.show(branch, `clusters/${EAST_1}/provisioning/cluster-api.yaml`),
    );
    expect(capi.spec.topology.version).toBe('v1.31.4');
    expect(capi.metadata.labels['fleet-portal.dev/profile-version']).toBe(
      '3.2.0',
    );
    const helmfile = parse(
      repo.show(branch, `clusters/${EAST_1}/provisioning/helmfile.yaml`),
    );
    expect(
      helmfile.releases.find((r: any) => r.name === 'cilium').version,
    ).toBe('1.16.4');

    // the message: reason, gate with its evidence, the moves, who asked
    const message = repo.log(branch, '%B');
    expect(message).toContain(
      'Promote production 3.2.0 to wave production-east (2 clusters)',
    );
    expect(message).toContain(reason);
    expect(message).toContain(
      'Gate: canary: 1 of 1 on 3.2.0, healthy for 6 d of 5 d — open',
    );
    expect(message).toContain('- healthy for 6 d (least: prd-euw1-canary-01)');
    expect(message).toContain(`- ${EAST_1}: 3.1.0 -> 3.2.0`);
    expect(message).toContain(
      `- ${EAST_2}: 3.0.0 -> 3.2.0 (3.0.0 is outside the profile's allowed versions)`,
    );
    expect(message).toContain(`Requested-by: ${PRIYA}`);
    expect(message).toContain('Rollout-gate: open');

    expect(ctx.output).toHaveBeenCalledWith('outsideAllowedVersions', [EAST_2]);
    expect(ctx.output).toHaveBeenCalledWith('clusterNames', [EAST_1, EAST_2]);
    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      `Promote production 3.2.0 to wave production-east (2 clusters) is proposed on branch ${branch}: the clusters move to 3.2.0 when it is merged.`,
    );
    // the gate was asked of the fleet backend, as the user
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0].path).toBe('/api/fleet/rollouts/production');
    expect(api.requests[0].authorization).toContain('priya.platform');
  });

  it('refuses a closed gate with its reason and pushes nothing', async () => {
    api.answer(
      rolloutView(
        canaryGate(
          'closed',
          'canary: critical on prd-euw1-canary-01 on 2026-12-03 09:00–11:00 — closed',
        ),
      ),
    );
    const refs = repo.refs();
    await expect(
      action().handler(context({ profile: 'production', reason }) as any),
    ).rejects.toThrow(
      new InputError(
        'production-east of production 3.2.0 cannot be promoted: the gate after canary is closed (canary: critical on prd-euw1-canary-01 on 2026-12-03 09:00–11:00 — closed)',
      ),
    );
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a gate that cannot be judged: never open on missing data', async () => {
    api.answer(
      rolloutView(
        canaryGate(
          'unknown',
          'canary: the metrics source prometheus is down — unknown',
        ),
      ),
    );
    const refs = repo.refs();
    await expect(
      action().handler(context({ profile: 'production', reason }) as any),
    ).rejects.toThrow(/cannot be judged .*never opens on missing health data/);
    expect(repo.refs()).toBe(refs);
  });

  it('refuses Devon, who lacks fleet.rollout.promote, before asking anything, and pushes nothing', async () => {
    const refs = repo.refs();
    await expect(
      action({ result: AuthorizeResult.DENY }).handler(
        context(
          { profile: 'production', reason },
          { credentials: mockCredentials.user(DEVON) },
        ) as any,
      ),
    ).rejects.toThrow(
      new NotAllowedError(
        `${DEVON} may not promote rollouts: the permission fleet.rollout.promote is not granted (platform owners promote)`,
      ),
    );
    expect(api.requests).toHaveLength(0);
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a service token even where the policy allows it', async () => {
    const refs = repo.refs();
    await expect(
      action().handler(
        context(
          { profile: 'production', reason },
          { credentials: mockCredentials.service('plugin:catalog') },
        ) as any,
      ),
    ).rejects.toThrow(NotAllowedError);
    expect(repo.refs()).toBe(refs);
  });

  it('checks everything in a dry run and writes nothing', async () => {
    const refs = repo.refs();
    const ctx = context({ profile: 'production', reason }, { isDryRun: true });
    await action().handler(ctx as any);
    expect(repo.refs()).toBe(refs);
    expect(ctx.output).toHaveBeenCalledWith('commit', '');
    expect(ctx.output).toHaveBeenCalledWith('files', [
      `clusters/${EAST_1}/cluster.yaml`,
      `clusters/${EAST_1}/provisioning/cluster-api.yaml`,
      `clusters/${EAST_1}/provisioning/helmfile.yaml`,
      `clusters/${EAST_2}/cluster.yaml`,
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'summary',
      expect.stringMatching(/^Dry run: .* nothing was written\.$/),
    );
  });

  it.each([
    [
      'production-west',
      'wave: production-west cannot be promoted yet: waves are promoted in order and the next wave of production 3.2.0 is production-east',
    ],
    [
      'canary',
      'wave: canary is already on 3.2.0; the next wave of production 3.2.0 is production-east',
    ],
    [
      'emea',
      'wave: emea is not a wave of production (its waves: canary, production-east, production-west, unassigned)',
    ],
  ])('refuses wave %s in words', async (wave, message) => {
    const refs = repo.refs();
    await expect(
      action().handler(context({ profile: 'production', wave, reason }) as any),
    ).rejects.toThrow(new InputError(message));
    expect(repo.refs()).toBe(refs);
  });

  it.each([
    [
      'another kind',
      'resource:default/production',
      /is not a cluster profile of the platform repository/,
    ],
    [
      'another namespace',
      'clusterprofile:team-x/production',
      /is not a cluster profile of the platform repository/,
    ],
  ])('refuses a profile of %s', async (_, profile, message) => {
    await expect(
      action().handler(context({ profile, reason }) as any),
    ).rejects.toThrow(message);
    expect(api.requests).toHaveLength(0);
  });

  it('reports a profile the fleet backend does not know as the input it is', async () => {
    api.answer({ status: 404 });
    await expect(
      action().handler(context({ profile: 'nope', reason }) as any),
    ).rejects.toThrow(
      new InputError(
        'profile: there is no governed cluster profile nope with a rollout',
      ),
    );
  });

  it('refuses when a cluster file changed on main after it was read, pushing no branch', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    // another change lands on main between the read and the commit
    const racing = {
      defaultBranch: writer.defaultBranch,
      commitFiles: writer.commitFiles.bind(writer),
      readFiles: async (
        ...args: Parameters<PlatformRepoWriter['readFiles']>
      ) => {
        const read = await writer.readFiles(...args);
        const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-race-'));
        git(work, 'clone', '--quiet', repo.remote, '.');
        fs.appendFileSync(
          path.join(work, `clusters/${EAST_2}/cluster.yaml`),
          '# reviewed\n',
        );
        git(work, 'commit', '--quiet', '-am', 'review');
        git(work, 'push', '--quiet', 'origin', 'main');
        fs.rmSync(work, { recursive: true, force: true });
        return read;
      },
    } as PlatformRepoWriter;
    await expect(
      action({ writer: racing }).handler(
        context({ profile: 'production', reason }) as any,
      ),
    ).rejects.toThrow(
      new ConflictError(
        `changed in the platform repository since it was read: clusters/${EAST_2}/cluster.yaml`,
      ),
    );
    expect(repo.branches()).toEqual(['main']);
  });

  it('gives every request its own branch, and a retried task the first result', async () => {
    const first = context(
      { profile: 'production', reason },
      { taskId: 'aaaaaaaa-1' },
    );
    await action().handler(first as any);
    // the same task again: the checkpoint keeps the first commit
    const commit = repo
      .git(
        'rev-parse',
        'fleet/rollout/production/3.2.0/production-east-aaaaaaaa',
      )
      .trim();
    const checkpoints = new Map<string, unknown>();
    const retried = {
      ...context({ profile: 'production', reason }, { taskId: 'bbbbbbbb-2' }),
      async checkpoint({
        key,
        fn,
      }: {
        key: string;
        fn: () => Promise<unknown>;
      }) {
        if (!checkpoints.has(key)) checkpoints.set(key, await fn());
        return checkpoints.get(key);
      },
    };
    await action().handler(retried as any);
    await action().handler(retried as any);
    expect(repo.branches().sort()).toEqual([
      'fleet/rollout/production/3.2.0/production-east-aaaaaaaa',
      'fleet/rollout/production/3.2.0/production-east-bbbbbbbb',
      'main',
    ]);
    expect(
      repo.commitCount(
        'fleet/rollout/production/3.2.0/production-east-bbbbbbbb',
      ),
    ).toBe(2);
    expect(commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('leaves a wave whose clusters the repository already moved to the catalog to catch up', async () => {
    const view = rolloutView();
    // the view still shows WEST behind, but it is on 3.2.0 in the repository
    view.nextWave = 'production-west';
    view.waves[1].clusters.forEach(c => {
      c.onTarget = true;
    });
    const seeded = new GitRemote({
      ...rolloutRepositorySeed(),
      [`clusters/${WEST}/cluster.yaml`]: repo
        .show('main', `clusters/${WEST}/cluster.yaml`)
        .replace('profileVersion: 3.1.0', 'profileVersion: 3.2.0'),
    });
    try {
      api.answer(view);
      const refs = seeded.refs();
      await expect(
        action({
          writer: new PlatformRepoWriter({ remote: seeded.remote }),
        }).handler(context({ profile: 'production', reason }) as any),
      ).rejects.toThrow(
        new ConflictError(
          'Every cluster of production-west is already on 3.2.0 in the platform repository; the catalog has not caught up yet, so there is nothing to propose',
        ),
      );
      expect(seeded.refs()).toBe(refs);
    } finally {
      seeded.remove();
    }
  });

  it('promotes the first wave, which no gate guards', async () => {
    const view = rolloutView();
    view.waves[0].clusters[0].onTarget = false;
    view.waves[0].clusters[0].version = '3.1.0';
    view.nextWave = 'canary';
    delete view.gate;
    view.promotable = true;
    api.answer(view);
    const seeded = new GitRemote({
      ...rolloutRepositorySeed(),
      [`clusters/${CANARY}/cluster.yaml`]: repo
        .show('main', `clusters/${CANARY}/cluster.yaml`)
        .replace('profileVersion: 3.2.0', 'profileVersion: 3.1.0'),
    });
    try {
      const ctx = context({ profile: 'production', reason });
      await action({
        writer: new PlatformRepoWriter({ remote: seeded.remote }),
      }).handler(ctx as any);
      const branch = 'fleet/rollout/production/3.2.0/canary-task-000';
      expect(seeded.git('diff', '--name-only', `main..${branch}`).trim()).toBe(
        `clusters/${CANARY}/cluster.yaml`,
      );
      expect(seeded.log(branch, '%B')).toContain(
        'Gate: none — canary is the first wave of production 3.2.0',
      );
    } finally {
      seeded.remove();
    }
  });
});
