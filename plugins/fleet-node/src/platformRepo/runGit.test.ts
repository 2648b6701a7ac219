import { redact, runGit, GitCommandError } from './runGit';

describe('redact', () => {
  it('removes URL user info and the given secrets', () => {
    expect(
      redact(
        "fatal: unable to access 'https://user:tok3n@git.example.com/org/repo.git/': 403 for tok3n",
        ['tok3n'],
      ),
    ).toBe(
      "fatal: unable to access 'https://***@git.example.com/org/repo.git/': 403 for ***",
    );
    expect(redact('http://oauth2@host/x and file:///tmp/repo')).toBe(
      'http://***@host/x and file:///tmp/repo',
    );
  });
});

describe('runGit', () => {
  it('resolves with standard output', async () => {
    await expect(runGit(['--version'])).resolves.toEqual(expect.any(Buffer));
  });

  it('rejects with the subcommand and git error output', async () => {
    await expect(
      runGit(['rev-parse', '--git-dir'], { gitDir: '/nonexistent/x' }),
    ).rejects.toThrow(GitCommandError);
    await expect(runGit(['no-such-command'])).rejects.toThrow(
      /^git no-such-command failed \(exit code 1\): git: 'no-such-command' is not a git command/,
    );
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const run = runGit(['cat-file', '--batch'], {
      input: '',
      signal: controller.signal,
    });
    controller.abort();
    await expect(run).rejects.toThrow(/git cat-file (was aborted|failed)/);
  });
});
