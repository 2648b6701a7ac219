import fs from 'node:fs/promises';
import path from 'node:path';
import { readBlobs, streamBlobs } from './readBlobs';
import { credentialEnv, runGit } from '@fleet-portal/plugin-fleet-node';

export type GitMirrorOptions = {
  /** Directory of the bare mirror; created on first use and kept between runs. */
  dir: string;
  /** A local path, file:// URL or http(s) URL. */
  remote: string;
  branch: string;
  /**
   * The `Authorization` header value for the remote, resolved before every fetch
   * (tokens such as GitHub App installation tokens expire).
   */
  authorization?: () => Promise<string | undefined>;
};

/** A file of a commit: its path, blob id and size in bytes. */
export type GitTreeFile = { path: string; oid: string; size: number };

/**
 * A bare, worktree-less mirror of one branch of a remote. The first sync initialises
 * it; every sync after that is an incremental fetch. Files are read straight from the
 * object store.
 */
export class GitMirror {
  readonly #options: GitMirrorOptions;

  constructor(options: GitMirrorOptions) {
    this.#options = options;
  }

  /** Fetches the branch and resolves with the sha of its head commit. */
  async sync(signal?: AbortSignal): Promise<string> {
    const { dir, remote, branch } = this.#options;
    if (!(await isGitDir(dir))) {
      await fs.mkdir(dir, { recursive: true });
      await runGit(['init', '--bare', '--quiet', dir], { signal });
    }
    const authorization = await this.#options.authorization?.();
    await runGit(
      [
        'fetch',
        '--prune',
        '--no-tags',
        '--quiet',
        '--',
        remote,
        `+refs/heads/${branch}:refs/heads/${branch}`,
      ],
      {
        gitDir: dir,
        signal,
        env: authorization ? credentialEnv(authorization) : undefined,
        secrets: authorization ? [authorization] : undefined,
      },
    );
    const head = await runGit(
      [
        'rev-parse',
        '--verify',
        '--end-of-options',
        `refs/heads/${branch}^{commit}`,
      ],
      { gitDir: dir, signal },
    );
    return head.toString('utf8').trim();
  }

  /**
   * The blobs of a commit whose paths pass `include`, with their sizes, so that a
   * caller can leave oversized files unread.
   */
  async listFiles(
    commit: string,
    include: (filePath: string) => boolean,
    signal?: AbortSignal,
  ): Promise<GitTreeFile[]> {
    const tree = await runGit(
      ['ls-tree', '-r', '-z', '-l', '--full-tree', commit],
      { gitDir: this.#options.dir, signal },
    );
    return parseLsTree(tree).flatMap(({ type, oid, size, path: filePath }) =>
      type === 'blob' && include(filePath)
        ? [{ path: filePath, oid, size }]
        : [],
    );
  }

  /** The contents of blobs, in order, through one `git cat-file --batch`. */
  readBlobs(oids: string[], signal?: AbortSignal): Promise<Buffer[]> {
    return readBlobs(this.#options.dir, oids, signal);
  }

  /**
   * The contents of blobs, each handed to `onBlob` with its index as soon as it
   * arrives, through one `git cat-file --batch`.
   */
  streamBlobs(
    oids: string[],
    onBlob: (index: number, content: Buffer) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    return streamBlobs(this.#options.dir, oids, onBlob, signal);
  }
}

type TreeEntry = { type: string; oid: string; size: number; path: string };

/**
 * `<mode> SP <type> SP <oid> SP+ <size> TAB <path> NUL`, repeated; the size is padded
 * with spaces, and `-` for entries that are not blobs.
 */
function parseLsTree(output: Buffer): TreeEntry[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map(record => {
      const tab = record.indexOf('\t');
      const [, type, oid, size] = record.slice(0, tab).split(/ +/);
      return { type, oid, size: Number(size), path: record.slice(tab + 1) };
    });
}

async function isGitDir(dir: string): Promise<boolean> {
  try {
    await fs.access(path.join(dir, 'HEAD'));
    return true;
  } catch {
    return false;
  }
}
