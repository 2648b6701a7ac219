import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Seed',
  GIT_AUTHOR_EMAIL: 'seed@fleet-portal.invalid',
  GIT_COMMITTER_NAME: 'Seed',
  GIT_COMMITTER_EMAIL: 'seed@fleet-portal.invalid',
};

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
}

/** A real bare platform repository in a temporary directory, seeded with one commit on main. */
export class TestPlatformRepo {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-cluster-repo-'));
  readonly remote = path.join(this.root, 'platform-config.git');

  constructor(seed: Record<string, string>) {
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
    git(work, 'commit', '--quiet', '-m', 'seed');
    git(work, 'push', '--quiet', this.remote, 'main');
  }

  git(...args: string[]): string {
    return git(this.remote, ...args);
  }

  show(ref: string, file: string): string {
    return this.git('show', `${ref}:${file}`);
  }

  remove() {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
