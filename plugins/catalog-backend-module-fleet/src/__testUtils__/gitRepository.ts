import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fleet Portal test',
  GIT_AUTHOR_EMAIL: 'test@fleet-portal.invalid',
  GIT_COMMITTER_NAME: 'Fleet Portal test',
  GIT_COMMITTER_EMAIL: 'test@fleet-portal.invalid',
};

/**
 * A real Git "remote" for tests: a bare repository plus a working clone that commits
 * and pushes to it with the git CLI. Everything lives under one temporary directory.
 */
export class TestGitRepository {
  readonly root: string;
  /** Path of the bare repository, to use as the provider's remote. */
  readonly remote: string;
  readonly #work: string;

  static create(branch = 'main'): TestGitRepository {
    return new TestGitRepository(
      fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-platform-repo-test-')),
      branch,
    );
  }

  private constructor(root: string, readonly branch: string) {
    this.root = root;
    this.remote = path.join(root, 'remote.git');
    this.#work = path.join(root, 'work');
    git(
      root,
      'init',
      '--quiet',
      '--bare',
      '--initial-branch',
      branch,
      this.remote,
    );
    git(root, 'init', '--quiet', '--initial-branch', branch, this.#work);
    git(this.#work, 'remote', 'add', 'origin', this.remote);
  }

  /** Writes files (path → content, or null to delete), commits and pushes them. */
  commit(message: string, files: Record<string, string | null>): string {
    for (const [file, content] of Object.entries(files)) {
      const target = path.join(this.#work, file);
      if (content === null) {
        fs.rmSync(target);
      } else {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, content);
      }
    }
    git(this.#work, 'add', '--all');
    git(this.#work, 'commit', '--quiet', '--allow-empty', '-m', message);
    git(this.#work, 'push', '--quiet', 'origin', this.branch);
    return git(this.#work, 'rev-parse', 'HEAD').trim();
  }

  /** Rewrites the branch to an earlier commit, as a force push does. */
  forcePush(commit: string): void {
    git(this.#work, 'reset', '--quiet', '--hard', commit);
    git(this.#work, 'push', '--quiet', '--force', 'origin', this.branch);
  }

  /** A directory for the provider's mirror, inside the test's temporary directory. */
  get workDir(): string {
    return path.join(this.root, 'mirror');
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}
