import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { credentialEnv } from './credentialEnv';
import { GitCommandError, redact, runGit } from './runGit';

/** Who a commit is attributed to. */
export type GitIdentity = { name: string; email: string };

/**
 * `propose`: the commit goes to a new branch off the base branch, for review.
 * `direct`: the commit lands on the base branch itself.
 */
export type PlatformRepoCommitMode = 'propose' | 'direct';

export type PlatformRepoCommitRequest = {
  /** Repository path → file content. Paths are relative, `/`-separated, without `..`. */
  files: Record<string, string>;
  /** The branch the change is based on (and lands on in `direct` mode). Defaults to the writer's branch. */
  baseBranch?: string;
  /** The new branch of a proposal; required in `propose` mode, ignored in `direct` mode. */
  branch?: string;
  mode: PlatformRepoCommitMode;
  message: string;
  /** The requesting user; the committer is the portal. */
  author: GitIdentity;
  /**
   * Paths that must not exist on the base branch, re-checked on every fresh base:
   * e.g. the namespace file of a namespace being created. A path that exists makes
   * the commit fail with a ConflictError.
   */
  expectAbsent?: string[];
  /**
   * Paths that must still be these blobs on the base (path → blob id, as `readFiles` gives
   * them), re-checked on every fresh base: a modification of what was read. A path that
   * changed or is gone makes the commit fail with a ConflictError naming it.
   */
  expectBlobs?: Record<string, string>;
  /**
   * Files the commit removes. Each must exist on the base; name it in `expectBlobs` too, so a
   * file changed since it was read is not removed unseen.
   */
  deletions?: string[];
  signal?: AbortSignal;
};

/** A file read from the platform repository: its text and its Git blob id. */
export type PlatformRepoFile = { content: string; blob: string };

/** Files read from the tip of a branch, and the commit they were read at. */
export type PlatformRepoFiles = {
  commit: string;
  /** Path → file, for every file at or below the paths asked for. */
  files: Record<string, PlatformRepoFile>;
};

export type PlatformRepoCommitResult = {
  /** The branch the commit was pushed to. */
  branch: string;
  commit: string;
  /** The base commit the change was made on. */
  baseCommit: string;
  /** A browser URL of the branch, when the writer knows how to build one. */
  url?: string;
  /** The paths written, sorted. */
  files: string[];
  /** How many pushes it took (more than one when another change landed first). */
  attempts: number;
};

export type PlatformRepoWriterOptions = {
  /** A local path (resolved against the working directory), a file:// URL or an https URL. */
  remote: string;
  /** @defaultValue main */
  branch?: string;
  /** The portal's identity as committer. */
  committer?: GitIdentity;
  /** The `Authorization` header for the remote, resolved before every fetch and push. */
  authorization?: () => Promise<string | undefined>;
  /** Builds a browser URL of a branch, e.g. `https://git.example/org/repo/tree/{branch}`. */
  branchUrl?: (branch: string) => string | undefined;
  /** Where temporary repositories are created. @defaultValue the OS temp dir */
  tmpDir?: string;
  /** Pushes tried before a lost race is reported. @defaultValue 5 */
  maxAttempts?: number;
};

const DEFAULT_COMMITTER: GitIdentity = {
  name: 'Fleet Portal',
  email: 'fleet-portal@noreply.invalid',
};

/**
 * Commits files to a platform repository on any plain Git remote and pushes them,
 * either as a proposal branch or straight onto the base branch.
 *
 * It works in a temporary bare repository with a shallow fetch of the base branch and
 * builds the commit with git plumbing (a temporary index), so the cost does not grow
 * with a checkout of the whole fleet. When the push loses a race with another change,
 * it fetches the new base, re-checks `expectAbsent` and commits again; a precondition
 * that no longer holds, or too many lost races, is a ConflictError.
 */
export class PlatformRepoWriter {
  readonly #remote: string;
  readonly #branch: string;
  readonly #committer: GitIdentity;
  readonly #options: PlatformRepoWriterOptions;

  constructor(options: PlatformRepoWriterOptions) {
    this.#options = options;
    this.#remote = resolveRemote(options.remote);
    this.#branch = options.branch ?? 'main';
    this.#committer = options.committer ?? DEFAULT_COMMITTER;
  }

  /** The remote, with any URL user info removed, for messages. */
  get remoteForDisplay(): string {
    return redact(this.#remote);
  }

  get defaultBranch(): string {
    return this.#branch;
  }

  /**
   * Which of the given paths (files or directories) exist on the tip of a branch,
   * read from a shallow fetch. For early checks; commitFiles re-checks `expectAbsent`
   * on the base it commits on.
   */
  async existingPaths(
    paths: string[],
    options: { branch?: string; signal?: AbortSignal } = {},
  ): Promise<string[]> {
    const checked = paths.map(p => checkPath(p, 'paths'));
    const branch = options.branch ?? this.#branch;
    checkBranch(branch, 'branch');
    const dir = await this.#tempDir();
    try {
      const git = await this.#git(dir, options.signal);
      await git(['init', '--bare', '--quiet', dir]);
      const base = await this.#fetchBase(git, branch);
      return await listPresent(git, base, checked);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * The branch names of the remote (`git ls-remote --heads`), e.g. to tell whether a proposal
   * branch is still open. One call for every branch, whatever the number of proposals asked about.
   */
  async branches(options: { signal?: AbortSignal } = {}): Promise<Set<string>> {
    const authorization = await this.#options.authorization?.();
    const out = await runGit(['ls-remote', '--heads', '--', this.#remote], {
      signal: options.signal,
      env: authorization ? credentialEnv(authorization) : undefined,
      secrets: authorization ? [authorization] : undefined,
    });
    const names = new Set<string>();
    for (const line of out.toString('utf8').split('\n')) {
      const ref = line.split('\t')[1]?.trim();
      if (ref?.startsWith('refs/heads/')) {
        names.add(ref.slice('refs/heads/'.length));
      }
    }
    return names;
  }

  /**
   * The files at or below the given paths (files or directories) on the tip of a branch,
   * with their blob ids, from one shallow fetch; paths that do not exist are left out. A file
   * larger than `maxFileBytes` (default 1 MiB) is an InputError naming it.
   */
  async readFiles(
    paths: string[],
    options: {
      branch?: string;
      signal?: AbortSignal;
      maxFileBytes?: number;
    } = {},
  ): Promise<PlatformRepoFiles> {
    const checked = paths.map(p => checkPath(p, 'paths'));
    const branch = options.branch ?? this.#branch;
    checkBranch(branch, 'branch');
    const maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
    const dir = await this.#tempDir();
    try {
      const git = await this.#git(dir, options.signal);
      await git(['init', '--bare', '--quiet', dir]);
      const commit = await this.#fetchBase(git, branch);
      const blobs = await listBlobs(git, commit, checked);
      const tooLarge = blobs.find(b => b.size > maxFileBytes);
      if (tooLarge) {
        throw new InputError(
          `${tooLarge.path} in the platform repository is larger than ${maxFileBytes} bytes`,
        );
      }
      const contents = await catBlobs(
        dir,
        blobs.map(b => b.blob),
        options.signal,
      );
      const files: Record<string, PlatformRepoFile> = {};
      for (const { path: filePath, blob } of blobs) {
        files[filePath] = { content: contents.get(blob)!, blob };
      }
      return { commit, files };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  #tempDir() {
    return fs.mkdtemp(
      path.join(
        this.#options.tmpDir ?? os.tmpdir(),
        'fleet-platform-repo-write-',
      ),
    );
  }

  async commitFiles(
    request: PlatformRepoCommitRequest,
  ): Promise<PlatformRepoCommitResult> {
    const deletions = (request.deletions ?? []).map(p =>
      checkPath(p, 'deletions'),
    );
    const files = checkFiles(request.files, deletions.length > 0);
    const expectAbsent = (request.expectAbsent ?? []).map(p =>
      checkPath(p, 'expectAbsent'),
    );
    const expectBlobs = Object.entries(request.expectBlobs ?? {}).map(
      ([p, blob]) => ({ path: checkPath(p, 'expectBlobs'), blob }),
    );
    const baseBranch = request.baseBranch ?? this.#branch;
    checkBranch(baseBranch, 'baseBranch');
    let target = baseBranch;
    if (request.mode === 'propose') {
      if (!request.branch) {
        throw new InputError('branch is required for a proposal');
      }
      checkBranch(request.branch, 'branch');
      if (request.branch === baseBranch) {
        throw new InputError(
          `branch ${request.branch} of a proposal must differ from its base branch`,
        );
      }
      target = request.branch;
    }

    const dir = await this.#tempDir();
    try {
      const git = await this.#git(dir, request.signal);
      await git(['init', '--bare', '--quiet', dir]);
      const maxAttempts = this.#options.maxAttempts ?? 5;
      for (let attempt = 1; ; attempt++) {
        const base = await this.#fetchBase(git, baseBranch);
        await assertAbsent(git, base, expectAbsent);
        await assertUnchanged(git, base, expectBlobs);
        await assertPresent(git, base, deletions);
        const commit = await this.#commit(git, dir, base, files, request);
        const pushed = await this.#push(git, commit, target, {
          mode: request.mode,
          base,
        });
        if (pushed) {
          return {
            branch: target,
            commit,
            baseCommit: base,
            url: this.#options.branchUrl?.(target),
            files: Object.keys(files).sort(),
            attempts: attempt,
          };
        }
        if (request.mode === 'propose') {
          throw new ConflictError(
            `branch ${target} already exists in the platform repository; it was left unchanged`,
          );
        }
        if (attempt >= maxAttempts) {
          throw new ConflictError(
            `${baseBranch} of the platform repository kept moving; gave up after ${attempt} attempts`,
          );
        }
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  /** Binds runGit to the temporary repository and the remote's credential. */
  async #git(dir: string, signal?: AbortSignal) {
    const authorization = await this.#options.authorization?.();
    return (
      args: string[],
      extra: { env?: Record<string, string>; input?: string } = {},
    ) =>
      runGit(args, {
        gitDir: dir,
        signal,
        input: extra.input,
        env: {
          ...(authorization ? credentialEnv(authorization) : {}),
          ...extra.env,
        },
        secrets: authorization ? [authorization] : undefined,
      }).then(out => out.toString('utf8'));
  }

  async #fetchBase(git: GitFn, baseBranch: string): Promise<string> {
    try {
      await git([
        'fetch',
        '--quiet',
        '--no-tags',
        '--depth=1',
        '--',
        this.#remote,
        `+refs/heads/${baseBranch}:refs/remotes/base`,
      ]);
    } catch (error) {
      if (
        error instanceof GitCommandError &&
        /couldn't find remote ref/i.test(error.message)
      ) {
        throw new InputError(
          `branch ${baseBranch} does not exist in the platform repository ${this.remoteForDisplay}`,
        );
      }
      throw error;
    }
    return (
      await git(['rev-parse', '--verify', 'refs/remotes/base^{commit}'])
    ).trim();
  }

  async #commit(
    git: GitFn,
    dir: string,
    base: string,
    files: Record<string, string>,
    request: PlatformRepoCommitRequest,
  ): Promise<string> {
    const index = { GIT_INDEX_FILE: path.join(dir, 'fleet-index') };
    await git(['read-tree', base], { env: index });
    const entries: string[] = [];
    for (const [filePath, content] of Object.entries(files)) {
      const oid = (
        await git(['hash-object', '-w', '--stdin'], { input: content })
      ).trim();
      entries.push(`100644 ${oid}\t${filePath}`);
    }
    for (const filePath of request.deletions ?? []) {
      // mode 0 removes the path from the index
      entries.push(`0 ${'0'.repeat(40)}\t${filePath}`);
    }
    await git(['update-index', '--index-info'], {
      env: index,
      input: `${entries.join('\n')}\n`,
    });
    const tree = (await git(['write-tree'], { env: index })).trim();
    const { author } = request;
    return (
      await git(['commit-tree', tree, '-p', base, '-F', '-'], {
        input: request.message,
        env: {
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: this.#committer.name,
          GIT_COMMITTER_EMAIL: this.#committer.email,
        },
      })
    ).trim();
  }

  /**
   * Pushes with a lease, so the remote updates the ref only from the state the change
   * was built for: a proposal branch only when it does not exist yet (an empty
   * expected value: git sends a zero old id, which the remote refuses for an existing
   * ref), the base branch only while it is still at the fetched base. Resolves false
   * when the push was rejected because the target ref moved or exists.
   */
  async #push(
    git: GitFn,
    commit: string,
    target: string,
    options: { mode: PlatformRepoCommitMode; base: string },
  ): Promise<boolean> {
    const ref = `refs/heads/${target}`;
    const expected = options.mode === 'propose' ? '' : options.base;
    try {
      await git([
        'push',
        '--quiet',
        `--force-with-lease=${ref}:${expected}`,
        this.#remote,
        `${commit}:${ref}`,
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof GitCommandError)) {
        throw error;
      }
      if (options.mode === 'propose') {
        // Whatever git said, an existing branch is the conflict; anything else (a hook, a
        // protected name, no access) is reported as git reported it.
        if (await this.#branchExists(git, ref)) {
          return false;
        }
        throw error;
      }
      if (isRejection(error.message)) {
        return false;
      }
      // A concurrent push may also fail on the remote's ref lock: a race if the ref moved.
      if (/lock/i.test(error.message)) {
        return false;
      }
      throw error;
    }
  }

  async #branchExists(git: GitFn, ref: string): Promise<boolean> {
    const out = await git(['ls-remote', '--heads', this.#remote, ref]);
    return out.trim() !== '';
  }
}

type GitFn = (
  args: string[],
  extra?: { env?: Record<string, string>; input?: string },
) => Promise<string>;

function isRejection(message: string): boolean {
  return /\[rejected\]|\[remote rejected\]|updates were rejected|non-fast-forward|fetch first|already exists|stale info/i.test(
    message,
  );
}

async function listPresent(
  git: GitFn,
  base: string,
  paths: string[],
): Promise<string[]> {
  if (paths.length === 0) {
    return [];
  }
  return (
    await git([
      'ls-tree',
      '-r',
      '--name-only',
      '--full-tree',
      base,
      '--',
      ...paths,
    ])
  )
    .split('\n')
    .filter(Boolean);
}

/** The blobs at or below the paths, with their ids and sizes (`git ls-tree -r -l`). */
async function listBlobs(
  git: GitFn,
  base: string,
  paths: string[],
): Promise<Array<{ path: string; blob: string; size: number }>> {
  if (paths.length === 0) {
    return [];
  }
  const out = await git([
    'ls-tree',
    '-r',
    '-l',
    '-z',
    '--full-tree',
    base,
    '--',
    ...paths,
  ]);
  return out
    .split('\0')
    .filter(Boolean)
    .flatMap(line => {
      // <mode> SP <type> SP <object> SP+ <size> TAB <path>
      const [meta, filePath] = line.split('\t');
      const [, type, blob, size] = meta.split(/\s+/);
      return type === 'blob'
        ? [{ path: filePath, blob, size: Number(size) }]
        : [];
    });
}

/** The texts of blobs, from one `git cat-file --batch`. */
async function catBlobs(
  gitDir: string,
  blobs: string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (blobs.length === 0) {
    return texts;
  }
  const out = await runGit(['cat-file', '--batch'], {
    gitDir,
    signal,
    input: `${blobs.join('\n')}\n`,
  });
  // each object: "<id> blob <size>\n", <size> bytes, "\n"
  let at = 0;
  while (at < out.length) {
    const headerEnd = out.indexOf(0x0a, at);
    const [id, type, size] = out
      .subarray(at, headerEnd)
      .toString('utf8')
      .split(' ');
    if (type !== 'blob') {
      throw new Error(`git cat-file did not find blob ${id}`);
    }
    const start = headerEnd + 1;
    const end = start + Number(size);
    texts.set(id, out.subarray(start, end).toString('utf8'));
    at = end + 1;
  }
  return texts;
}

async function assertUnchanged(
  git: GitFn,
  base: string,
  expected: Array<{ path: string; blob: string }>,
) {
  if (expected.length === 0) {
    return;
  }
  const present = new Map(
    (
      await listBlobs(
        git,
        base,
        expected.map(e => e.path),
      )
    ).map(b => [b.path, b.blob]),
  );
  const changed = expected
    .filter(e => present.get(e.path) !== e.blob)
    .map(e => e.path);
  if (changed.length > 0) {
    throw new ConflictError(
      `changed in the platform repository since it was read: ${changed.join(
        ', ',
      )}`,
    );
  }
}

async function assertPresent(git: GitFn, base: string, paths: string[]) {
  const present = new Set(await listPresent(git, base, paths));
  const missing = paths.filter(p => !present.has(p));
  if (missing.length > 0) {
    throw new ConflictError(
      `not in the platform repository (any more): ${missing.join(', ')}`,
    );
  }
}

async function assertAbsent(git: GitFn, base: string, paths: string[]) {
  const present = await listPresent(git, base, paths);
  if (present.length > 0) {
    throw new ConflictError(
      `already in the platform repository: ${present.join(', ')}`,
    );
  }
}

function resolveRemote(remote: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(remote)
    ? remote
    : path.resolve(remote);
}

function checkFiles(
  files: Record<string, string>,
  deletes: boolean,
): Record<string, string> {
  const entries = Object.entries(files ?? {});
  if (entries.length === 0 && !deletes) {
    throw new InputError('files must name at least one file');
  }
  const checked: Record<string, string> = {};
  for (const [filePath, content] of entries) {
    if (typeof content !== 'string') {
      throw new InputError(`files.${filePath} must be a string`);
    }
    checked[checkPath(filePath, 'files')] = content;
  }
  return checked;
}

/** A relative repository path that stays inside the repository and is not git's own. */
export function checkPath(filePath: string, field: string): string {
  const segments = filePath.split('/');
  if (
    !filePath ||
    filePath.startsWith('/') ||
    segments.some(s => s === '' || s === '.' || s === '..' || s === '.git') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\\]/.test(filePath)
  ) {
    throw new InputError(
      `${field}: "${filePath}" is not a relative path inside the repository`,
    );
  }
  return filePath;
}

function checkBranch(branch: string, field: string) {
  if (
    !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(branch) ||
    branch.includes('..') ||
    branch.includes('//') ||
    branch.endsWith('/') ||
    branch.endsWith('.lock') ||
    branch.endsWith('.')
  ) {
    throw new InputError(`${field}: "${branch}" is not a valid branch name`);
  }
}
