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

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

/**
 * A real bare platform repository in a temporary directory, seeded with one commit on
 * main from a directory tree or from a map of paths to contents.
 */
export class GitRemote {
  readonly root: string;
  readonly remote: string;

  constructor(seed: string | Record<string, string>) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-platform-repo-'));
    this.remote = path.join(this.root, 'platform-config.git');
    const work = path.join(this.root, 'seed');
    if (typeof seed === 'string') {
      fs.cpSync(seed, work, { recursive: true });
    } else {
      for (const [file, content] of Object.entries(seed)) {
        fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
        fs.writeFileSync(path.join(work, file), content);
      }
    }
    git(
      this.root,
      'init',
      '--quiet',
      '--bare',
      '--initial-branch',
      'main',
      this.remote,
    );
    git(work, 'init', '--quiet', '--initial-branch', 'main');
    git(work, 'add', '--all');
    git(work, 'commit', '--quiet', '-m', 'seed');
    git(work, 'push', '--quiet', this.remote, 'main');
  }

  /** Runs git in the bare repository. */
  git(...args: string[]): string {
    return git(this.remote, ...args);
  }

  /** Every ref and its commit, to compare before and after. */
  refs(): string {
    return git(
      this.remote,
      'for-each-ref',
      '--format=%(refname) %(objectname)',
    );
  }

  branches(): string[] {
    return git(
      this.remote,
      'for-each-ref',
      '--format=%(refname:short)',
      'refs/heads',
    )
      .split('\n')
      .filter(Boolean);
  }

  commitCount(ref = 'main'): number {
    return Number(git(this.remote, 'rev-list', '--count', ref).trim());
  }

  show(ref: string, file: string): string {
    return git(this.remote, 'show', `${ref}:${file}`);
  }

  has(ref: string, file: string): boolean {
    return (
      git(this.remote, 'ls-tree', '--name-only', ref, '--', file).trim() !== ''
    );
  }

  log(ref: string, format: string): string {
    return git(this.remote, 'log', '-1', `--format=${format}`, ref).trim();
  }

  remove() {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
