import { ConflictError, InputError } from '@backstage/errors';
import { BareRepository, git } from '../__testUtils__/bareRepository';
import { PlatformRepoWriter } from './PlatformRepoWriter';

// Deletions: a request that gives a folder back removes exactly the files it read.

const author = { name: 'Devon Clarke', email: 'devon.developer@acme.example' };
const NS = 'clusters/c1/namespaces/checkout';

describe('PlatformRepoWriter deletions', () => {
  let repo: BareRepository;
  beforeEach(() => {
    repo = new BareRepository({
      'clusters/c1/cluster.yaml': 'spec: {}\n',
      [`${NS}/namespace.yaml`]: 'kind: Resource\n',
      [`${NS}/manifests.yaml`]: 'kind: Namespace\n',
    });
  });
  afterEach(() => repo.remove());

  it('removes the files read, on main or a proposal branch, leaving the rest', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const read = await writer.readFiles([NS]);
    const expectBlobs = Object.fromEntries(
      Object.entries(read.files).map(([p, f]) => [p, f.blob]),
    );
    const proposal = await writer.commitFiles({
      files: {},
      deletions: Object.keys(read.files),
      expectBlobs,
      mode: 'propose',
      branch: 'fleet/namespace/c1/abc',
      message: 'Give back checkout',
      author,
    });
    expect(
      git(repo.remote, 'ls-tree', '-r', '--name-only', proposal.branch),
    ).toBe('clusters/c1/cluster.yaml\n');
    expect(repo.commitCount('main')).toBe(1);

    const direct = await writer.commitFiles({
      files: {},
      deletions: Object.keys(read.files),
      expectBlobs,
      mode: 'direct',
      message: 'Give back checkout',
      author,
    });
    expect(direct.branch).toBe('main');
    expect(git(repo.remote, 'ls-tree', '-r', '--name-only', 'main')).toBe(
      'clusters/c1/cluster.yaml\n',
    );
    expect(git(repo.remote, 'log', '-1', '--format=%an', 'main').trim()).toBe(
      'Devon Clarke',
    );
  });

  it('refuses to delete a file that is gone, pushing nothing', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const before = repo.refs();
    await expect(
      writer.commitFiles({
        files: {},
        deletions: [`${NS}/other.yaml`],
        mode: 'direct',
        message: 'x',
        author,
      }),
    ).rejects.toThrow(
      new ConflictError(
        `not in the platform repository (any more): ${NS}/other.yaml`,
      ),
    );
    expect(repo.refs()).toBe(before);
  });

  it('still needs a file or a deletion, and checks deletion paths', async () => {
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    await expect(
      writer.commitFiles({ files: {}, mode: 'direct', message: 'x', author }),
    ).rejects.toThrow(InputError);
    await expect(
      writer.commitFiles({
        files: {},
        deletions: ['../etc/passwd'],
        mode: 'direct',
        message: 'x',
        author,
      }),
    ).rejects.toThrow(
      'deletions: "../etc/passwd" is not a relative path inside the repository',
    );
  });
});
