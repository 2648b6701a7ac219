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

/** A real bare repository in a temporary directory, seeded with one commit on `main`. */
export class BareRepository {
  readonly root: string;
  readonly remote: string;

  constructor(seed: Record<string, string>) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-node-repo-'));
    this.remote = path.join(this.root, 'remote.git');
    const work = path.join(this.root, 'seed');
    git(
      this.root,
      'init',
      '--quiet',
      '--bare',
      '--initial-branch',
      'main',
      this.remote,
    );
    git(this.root, 'init', '--quiet', '--initial-branch', 'main', work);
    for (const [file, content] of Object.entries(seed)) {
      fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
      fs.writeFileSync(path.join(work, file), content);
    }
    git(work, 'add', '--all');
    git(work, 'commit', '--quiet', '--allow-empty', '-m', 'seed');
    git(work, 'push', '--quiet', this.remote, 'main');
  }

  /** Every ref and the commit it points at, to compare before and after. */
  refs(): string {
    return git(
      this.remote,
      'for-each-ref',
      '--format=%(refname) %(objectname)',
    );
  }

  commitCount(ref = 'main'): number {
    return Number(git(this.remote, 'rev-list', '--count', ref).trim());
  }

  show(ref: string, file: string): string {
    return git(this.remote, 'show', `${ref}:${file}`);
  }

  log(ref: string, format: string): string {
    return git(this.remote, 'log', '-1', `--format=${format}`, ref).trim();
  }

  remove() {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
