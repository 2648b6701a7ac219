import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { BareRepository, git } from '../__testUtils__/bareRepository';
import { PlatformRepoWriter } from './PlatformRepoWriter';

// Modifications of existing files: read them with their blob ids, then commit only while they
// are still those blobs.

const author = { name: 'Priya Patel', email: 'priya.platform@acme.example' };

/** Lands a commit on main of the bare repository, as another change would. */
function landOnMain(repo: BareRepository, files: Record<string, string>) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-node-work-'));
  try {
    git(work, 'clone', '--quiet', repo.remote, '.');
    for (const [file, content] of Object.entries(files)) {
      fs.writeFileSync(path.join(work, file), content);
    }
    git(work, 'commit', '--quiet', '-am', 'another change');
    git(work, 'push', '--quiet', 'origin', 'main');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

describe('PlatformRepoWriter modifications', () => {
  let repo: BareRepository;
  beforeEach(() => {
    repo = new BareRepository({
      'clusters/c1/cluster.yaml': '# c1\nspec: { profileVersion: 3.1.0 }\n',
      'clusters/c1/provisioning/helmfile.yaml': 'releases: []\n',
      'clusters/c2/cluster.yaml': 'spec: { profileVersion: 3.1.0 }\n',
      'clusters/ümlaut/cluster.yaml': 'spec: {}\n',
    });
  });
  afterEach(() => repo.remove());

  it('reads the files at or below paths with their blob ids, leaving out what does not exist', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const read = await writer.readFiles([
      'clusters/c1',
      'clusters/ümlaut/cluster.yaml',
      'clusters/c9/cluster.yaml',
    ]);
    expect(read.commit).toBe(repo.log('main', '%H'));
    expect(Object.keys(read.files).sort()).toEqual([
      'clusters/c1/cluster.yaml',
      'clusters/c1/provisioning/helmfile.yaml',
      'clusters/ümlaut/cluster.yaml',
    ]);
    expect(read.files['clusters/c1/cluster.yaml']).toEqual({
      content: '# c1\nspec: { profileVersion: 3.1.0 }\n',
      blob: git(
        repo.remote,
        'rev-parse',
        'main:clusters/c1/cluster.yaml',
      ).trim(),
    });
  });

  it('refuses a file larger than the limit, naming it', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    await expect(
      writer.readFiles(['clusters/c1'], { maxFileBytes: 20 }),
    ).rejects.toThrow(
      new InputError(
        'clusters/c1/cluster.yaml in the platform repository is larger than 20 bytes',
      ),
    );
  });

  it('proposes a modification of what it read', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const file = 'clusters/c1/cluster.yaml';
    const read = await writer.readFiles([file]);
    const result = await writer.commitFiles({
      mode: 'propose',
      branch: 'fleet/rollout/production/3.2.0/canary-1',
      files: { [file]: '# c1\nspec: { profileVersion: 3.2.0 }\n' },
      expectBlobs: { [file]: read.files[file].blob },
      message: 'Promote',
      author,
    });
    expect(result.baseCommit).toBe(read.commit);
    expect(
      git(
        repo.remote,
        'diff',
        '--name-only',
        'main',
        'fleet/rollout/production/3.2.0/canary-1',
      ).trim(),
    ).toBe(file);
  });

  it('refuses a modification of a file that changed since it was read, pushing nothing', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const files = ['clusters/c1/cluster.yaml', 'clusters/c2/cluster.yaml'];
    const read = await writer.readFiles(files);
    landOnMain(repo, { 'clusters/c2/cluster.yaml': 'spec: { x: 1 }\n' });
    const refs = repo.refs();
    await expect(
      writer.commitFiles({
        mode: 'propose',
        branch: 'fleet/rollout/production/3.2.0/canary-2',
        files: Object.fromEntries(files.map(f => [f, 'changed\n'])),
        expectBlobs: Object.fromEntries(
          files.map(f => [f, read.files[f].blob]),
        ),
        message: 'Promote',
        author,
      }),
    ).rejects.toThrow(
      new ConflictError(
        'changed in the platform repository since it was read: clusters/c2/cluster.yaml',
      ),
    );
    expect(repo.refs()).toBe(refs);
  });
});
