import fs from 'node:fs';
import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { BareRepository, git } from '../__testUtils__/bareRepository';
import { PlatformRepoWriter } from './PlatformRepoWriter';
import { GitCommandError } from './runGit';

const author = { name: 'Devon Clarke', email: 'devon.developer@acme.example' };

describe('PlatformRepoWriter', () => {
  let repo: BareRepository;
  beforeEach(() => {
    repo = new BareRepository({
      'clusters/c1/cluster.yaml': 'kind: Resource\n',
    });
  });
  afterEach(() => repo.remove());

  it('lands a change directly on main, authored as the requester', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const result = await writer.commitFiles({
      mode: 'direct',
      files: { 'clusters/c1/namespaces/a/namespace.yaml': 'x: 1\n' },
      message: 'Add namespace a\n\nRequested-by: user:default/devon',
      author,
      expectAbsent: ['clusters/c1/namespaces/a/namespace.yaml'],
    });
    expect(result).toMatchObject({ branch: 'main', attempts: 1 });
    expect(repo.log('main', '%H')).toBe(result.commit);
    expect(repo.log('main', '%an <%ae>')).toBe(
      'Devon Clarke <devon.developer@acme.example>',
    );
    expect(repo.log('main', '%cn')).toBe('Fleet Portal');
    expect(repo.log('main', '%B')).toContain(
      'Requested-by: user:default/devon',
    );
    expect(repo.show('main', 'clusters/c1/namespaces/a/namespace.yaml')).toBe(
      'x: 1\n',
    );
    // the existing file is kept
    expect(repo.show('main', 'clusters/c1/cluster.yaml')).toBe(
      'kind: Resource\n',
    );
    expect(repo.commitCount()).toBe(2);
  });

  it('lists the branches of the remote, proposals included', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    expect(await writer.branches()).toEqual(new Set(['main']));
    await writer.commitFiles({
      mode: 'propose',
      branch: 'fleet/cluster/c2/1a2b3c4d',
      files: { 'clusters/c2/cluster.yaml': 'x: 1\n' },
      message: 'Request cluster c2',
      author,
    });
    expect(await writer.branches()).toEqual(
      new Set(['main', 'fleet/cluster/c2/1a2b3c4d']),
    );
    git(
      repo.remote,
      'update-ref',
      '-d',
      'refs/heads/fleet/cluster/c2/1a2b3c4d',
    );
    expect(await writer.branches()).toEqual(new Set(['main']));
  });

  it('reports a remote it cannot read as a Git error when listing branches', async () => {
    const writer = new PlatformRepoWriter({
      remote: path.join(repo.root, 'missing.git'),
    });
    await expect(writer.branches()).rejects.toThrow(GitCommandError);
  });

  it('proposes a change on a new branch and leaves main alone', async () => {
    const writer = new PlatformRepoWriter({
      remote: repo.remote,
      branchUrl: b => `https://git.example/platform/tree/${b}`,
    });
    const result = await writer.commitFiles({
      mode: 'propose',
      branch: 'fleet/namespace/c1/a',
      files: { 'clusters/c1/namespaces/a/namespace.yaml': 'x: 1\n' },
      message: 'Add namespace a',
      author,
    });
    expect(result.branch).toBe('fleet/namespace/c1/a');
    expect(result.url).toBe(
      'https://git.example/platform/tree/fleet/namespace/c1/a',
    );
    expect(repo.commitCount('main')).toBe(1);
    expect(repo.commitCount('fleet/namespace/c1/a')).toBe(2);

    // the same branch again is a conflict, not an overwrite
    await expect(
      writer.commitFiles({
        mode: 'propose',
        branch: 'fleet/namespace/c1/a',
        files: { 'clusters/c1/namespaces/a/namespace.yaml': 'x: 2\n' },
        message: 'Add namespace a',
        author,
      }),
    ).rejects.toThrow(ConflictError);
    expect(
      repo.show(
        'fleet/namespace/c1/a',
        'clusters/c1/namespaces/a/namespace.yaml',
      ),
    ).toBe('x: 1\n');
  });

  it.each([
    ['at the base commit', (r: BareRepository) => r.log('main', '%H')],
    [
      'behind the base commit',
      (r: BareRepository) => {
        const before = r.log('main', '%H');
        // main moves on, so the old branch is an ancestor of the new proposal's base
        git(
          r.root,
          '-C',
          'seed',
          'commit',
          '--quiet',
          '--allow-empty',
          '-m',
          'later',
        );
        git(r.root, '-C', 'seed', 'push', '--quiet', r.remote, 'main');
        return before;
      },
    ],
  ])(
    'never advances a proposal branch that already exists %s (ConflictError, branch unchanged)',
    async (_, existingAt) => {
      const branch = 'fleet/namespace/c1/a';
      const at = existingAt(repo);
      git(repo.remote, 'update-ref', `refs/heads/${branch}`, at);
      const before = repo.refs();
      const writer = new PlatformRepoWriter({ remote: repo.remote });
      const attempt = writer.commitFiles({
        mode: 'propose',
        branch,
        files: { 'clusters/c1/namespaces/a/namespace.yaml': 'x: 1\n' },
        message: 'Add namespace a',
        author,
      });
      await expect(attempt).rejects.toThrow(ConflictError);
      await expect(attempt).rejects.toThrow(
        'branch fleet/namespace/c1/a already exists in the platform repository; it was left unchanged',
      );
      expect(repo.refs()).toBe(before);
      expect(repo.log(branch, '%H')).toBe(at);
    },
  );

  it('lets exactly one of two concurrent proposals on the same branch create it', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const branch = 'fleet/cluster/c2';
    const outcomes = await Promise.allSettled(
      ['first', 'second'].map(who =>
        writer.commitFiles({
          mode: 'propose',
          branch,
          files: { 'clusters/c2/cluster.yaml': `${who}\n` },
          message: who,
          author,
        }),
      ),
    );
    const won = outcomes.filter(
      (o): o is PromiseFulfilledResult<any> => o.status === 'fulfilled',
    );
    const lost = outcomes.filter(
      (o): o is PromiseRejectedResult => o.status === 'rejected',
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect(repo.log(branch, '%H')).toBe(won[0].value.commit);
  });

  it('reports a proposal the remote refuses for another reason as that reason, not as an existing branch', async () => {
    const hook = path.join(repo.remote, 'hooks', 'pre-receive');
    fs.writeFileSync(
      hook,
      '#!/bin/sh\necho "branch names are protected here" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const attempt = writer.commitFiles({
      mode: 'propose',
      branch: 'fleet/namespace/c1/b',
      files: { 'clusters/c1/namespaces/b/namespace.yaml': 'x: 1\n' },
      message: 'Add namespace b',
      author,
    });
    await expect(attempt).rejects.toThrow(GitCommandError);
    await expect(attempt).rejects.toThrow(/branch names are protected here/);
  });

  it('refuses a path that must be absent and leaves the repository untouched', async () => {
    const before = repo.refs();
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    await expect(
      writer.commitFiles({
        mode: 'direct',
        files: { 'clusters/c1/cluster.yaml': 'overwritten\n' },
        message: 'm',
        author,
        expectAbsent: ['clusters/c1/cluster.yaml'],
      }),
    ).rejects.toThrow(
      /already in the platform repository: clusters\/c1\/cluster.yaml/,
    );
    expect(repo.refs()).toBe(before);
  });

  it.each([
    ['../outside.yaml'],
    ['/abs.yaml'],
    ['a/./b.yaml'],
    ['.git/config'],
    ['a\nb.yaml'],
  ])('rejects the path %j', async file => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    await expect(
      writer.commitFiles({
        mode: 'direct',
        files: { [file]: 'x' },
        message: 'm',
        author,
      }),
    ).rejects.toThrow(InputError);
  });

  it('reports a missing base branch as an input error', async () => {
    const writer = new PlatformRepoWriter({
      remote: repo.remote,
      branch: 'nope',
    });
    await expect(
      writer.commitFiles({
        mode: 'direct',
        files: { a: 'x' },
        message: 'm',
        author,
      }),
    ).rejects.toThrow(/branch nope does not exist/);
  });

  it('retries on a fresh base when other changes land concurrently', async () => {
    const writer = new PlatformRepoWriter({
      remote: repo.remote,
      maxAttempts: 20,
    });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        writer.commitFiles({
          mode: 'direct',
          files: {
            [`clusters/c1/namespaces/n${i}/namespace.yaml`]: `n: ${i}\n`,
          },
          message: `Add n${i}`,
          author,
          expectAbsent: [`clusters/c1/namespaces/n${i}/namespace.yaml`],
        }),
      ),
    );
    expect(repo.commitCount()).toBe(7);
    for (let i = 0; i < 6; i++) {
      expect(
        repo.show('main', `clusters/c1/namespaces/n${i}/namespace.yaml`),
      ).toBe(`n: ${i}\n`);
    }
    expect(Math.max(...results.map(r => r.attempts))).toBeGreaterThan(1);
    // six writers racing through up to 20 fetch/commit/push rounds each: seconds of git on 2 cores
  }, 60_000);

  it('lets exactly one of two concurrent requests for the same path win', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const file = 'clusters/c1/namespaces/same/namespace.yaml';
    const outcomes = await Promise.allSettled(
      ['first', 'second'].map(who =>
        writer.commitFiles({
          mode: 'direct',
          files: { [file]: `${who}\n` },
          message: who,
          author,
          expectAbsent: [file],
        }),
      ),
    );
    const won = outcomes.filter(o => o.status === 'fulfilled');
    const lost = outcomes.filter(
      o => o.status === 'rejected',
    ) as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect(repo.commitCount()).toBe(2);
  });
});
