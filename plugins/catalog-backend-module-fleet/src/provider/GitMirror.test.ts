import childProcess from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { git, TestGitRepository } from '../__testUtils__/gitRepository';
import { GitMirror } from './GitMirror';
import { CatFileBatchParser } from './readBlobs';
import { GitCommandError } from '@fleet-portal/plugin-fleet-node';

describe('GitMirror', () => {
  let repo: TestGitRepository;

  beforeEach(() => {
    repo = TestGitRepository.create();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    repo.remove();
  });

  const mirrorOf = (remote = repo.remote, branch = 'main') =>
    new GitMirror({ dir: repo.workDir, remote, branch });

  /** The text of the files of a commit, by path. */
  async function read(
    mirror: GitMirror,
    commit: string,
    include: (filePath: string) => boolean = () => true,
  ) {
    const files = await mirror.listFiles(commit, include);
    const contents = await mirror.readBlobs(files.map(f => f.oid));
    return Object.fromEntries(
      files.map((f, i) => [f.path, contents[i].toString('utf8')]),
    );
  }

  it('mirrors the branch head and reads files without a worktree', async () => {
    const head = repo.commit('first', {
      'clusters/a/cluster.yaml': 'a: 1\n',
      'clusters/a/provisioning/x.yaml': 'ignored',
      'README.md': '# readme',
    });
    const mirror = mirrorOf();
    await expect(mirror.sync()).resolves.toBe(head);
    expect(git(repo.workDir, 'rev-parse', '--is-bare-repository').trim()).toBe(
      'true',
    );

    await expect(
      read(mirror, head, p => p.endsWith('cluster.yaml')),
    ).resolves.toEqual({ 'clusters/a/cluster.yaml': 'a: 1\n' });
  });

  it('lists blobs with their sizes, without reading them', async () => {
    const head = repo.commit('first', {
      'clusters/a/cluster.yaml': 'a: 1\n',
      'clusters/b/cluster.yaml': `b: ${'x'.repeat(100_000)}\n`,
      'clusters/a with space/cluster.yaml': '',
    });
    const mirror = mirrorOf();
    await mirror.sync();
    const files = await mirror.listFiles(head, () => true);
    expect(files.map(({ path: p, size }) => [p, size])).toEqual([
      ['clusters/a with space/cluster.yaml', 0],
      ['clusters/a/cluster.yaml', 5],
      ['clusters/b/cluster.yaml', 100_004],
    ]);
  });

  it('fetches incrementally: the mirror persists and only new objects arrive', async () => {
    repo.commit('first', { 'a.yaml': 'a' });
    const mirror = mirrorOf();
    await mirror.sync();
    const marker = path.join(repo.workDir, 'kept-between-runs');
    fs.writeFileSync(marker, '');
    const objectsBefore = countObjects(repo.workDir);

    const head = repo.commit('second', { 'b.yaml': 'b' });
    const spawn = jest.spyOn(childProcess, 'spawn');
    await expect(mirror.sync()).resolves.toBe(head);

    const commands = spawn.mock.calls.map(([, args]) => args![2]);
    expect(commands).toEqual(['fetch', 'rev-parse']);
    expect(fs.existsSync(marker)).toBe(true);
    // one commit, one tree and one blob more
    expect(countObjects(repo.workDir)).toBe(objectsBefore + 3);
  });

  it('follows deletions and force pushes', async () => {
    const first = repo.commit('first', { 'a.yaml': 'a', 'b.yaml': 'b' });
    const mirror = mirrorOf();
    await mirror.sync();
    const second = repo.commit('delete b', { 'b.yaml': null });
    await expect(mirror.sync()).resolves.toBe(second);
    await expect(read(mirror, second)).resolves.toEqual({ 'a.yaml': 'a' });

    repo.forcePush(first);
    await expect(mirror.sync()).resolves.toBe(first);
    await expect(read(mirror, first)).resolves.toEqual({
      'a.yaml': 'a',
      'b.yaml': 'b',
    });
  });

  it('reads many files through a single cat-file process', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 500; i++) {
      files[`clusters/c${i}/cluster.yaml`] = `name: c${i}\n${'x'.repeat(
        i * 37,
      )}\n\nend\n`;
    }
    files['binary.yaml'] = '\u0000\n\u0001 blob 3\n';
    const head = repo.commit('many', files);
    const mirror = mirrorOf();
    await mirror.sync();

    const spawn = jest.spyOn(childProcess, 'spawn');
    await expect(read(mirror, head)).resolves.toEqual(files);
    expect(spawn.mock.calls.map(([, args]) => args![2])).toEqual([
      'ls-tree',
      'cat-file',
    ]);
  });

  it('fails with a GitCommandError when the remote cannot be read', async () => {
    repo.commit('first', { 'a.yaml': 'a' });
    await expect(
      mirrorOf(path.join(repo.root, 'missing.git')).sync(),
    ).rejects.toThrow(GitCommandError);
    await expect(
      mirrorOf(repo.remote, 'no-such-branch').sync(),
    ).rejects.toThrow(
      /git fetch failed \(exit code 128\): fatal: couldn't find remote ref refs\/heads\/no-such-branch/,
    );
  });

  it('passes credentials through the environment only and keeps them out of errors', async () => {
    const received: Array<string | undefined> = [];
    const server = http.createServer((req, res) => {
      received.push(req.headers.authorization);
      res.statusCode = 403;
      res.end('forbidden');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const authorization = `Basic ${Buffer.from(
      'x-access-token:ghp_secret123',
    ).toString('base64')}`;
    const spawn = jest.spyOn(childProcess, 'spawn');
    try {
      const mirror = new GitMirror({
        dir: repo.workDir,
        remote: `http://someone:urlsecret@127.0.0.1:${port}/org/platform.git`,
        branch: 'main',
        authorization: async () => authorization,
      });
      const error: Error = await mirror.sync().catch(e => e);
      expect(error).toBeInstanceOf(GitCommandError);
      expect(error.message).not.toMatch(
        /urlsecret|ghp_secret123|x-access-token/,
      );
      expect(error.message).not.toContain(authorization.split(' ')[1]);
    } finally {
      server.close();
    }
    expect(received[0]).toBe(authorization);
    for (const [, args, options] of spawn.mock.calls) {
      expect(args!.join(' ')).not.toContain(authorization.split(' ')[1]);
      expect(
        (options as childProcess.SpawnOptions).env!.GIT_TERMINAL_PROMPT,
      ).toBe('0');
    }
    const fetch = spawn.mock.calls.find(([, args]) => args!.includes('fetch'))!;
    expect((fetch[2] as childProcess.SpawnOptions).env).toMatchObject({
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraHeader',
      GIT_CONFIG_VALUE_0: `Authorization: ${authorization}`,
    });
  });
});

describe('CatFileBatchParser', () => {
  it('parses records split at any byte', () => {
    const output = Buffer.from(
      'aaaa blob 5\nhello\nbbbb blob 0\n\ncccc blob 8\nx\ny\nblob\n',
    );
    for (let size = 1; size <= output.length; size++) {
      const parser = new CatFileBatchParser();
      for (let i = 0; i < output.length; i += size) {
        parser.push(output.subarray(i, i + size));
      }
      expect(parser.objects.map(o => o.toString())).toEqual([
        'hello',
        '',
        'x\ny\nblob',
      ]);
      expect(parser.problem).toBeUndefined();
    }
  });

  it('reports a missing object', () => {
    const parser = new CatFileBatchParser();
    parser.push(Buffer.from('aaaa missing\n'));
    expect(parser.problem).toBe('aaaa missing');
  });
});

function countObjects(gitDir: string): number {
  const counts = git(gitDir, 'count-objects', '-v');
  const value = (key: string) =>
    Number(new RegExp(`^${key}: (\\d+)$`, 'm').exec(counts)![1]);
  return value('count') + value('in-pack');
}
