import { CustomErrorBase } from '@backstage/errors';
import { spawn } from 'node:child_process';

/** A git command that failed; its message is redacted of credentials. */
export class GitCommandError extends CustomErrorBase {}

export type RunGitOptions = {
  /** The repository to run in (`--git-dir`). */
  gitDir?: string;
  /** Added to the environment, e.g. the credential header config. */
  env?: Record<string, string>;
  /** Written to the command's standard input, which is then closed. */
  input?: string;
  signal?: AbortSignal;
  /** Values to remove from error messages, in addition to URL user info. */
  secrets?: string[];
  /** Receives standard output as it arrives, instead of collecting it. */
  onStdout?: (chunk: Buffer) => void;
};

const STDERR_LIMIT = 4096;

/**
 * Runs git without a shell and resolves with its standard output. Git never prompts
 * for credentials; a failure rejects with a GitCommandError carrying git's redacted
 * error output.
 */
export function runGit(
  args: string[],
  options: RunGitOptions = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gitDirArgs = options.gitDir ? ['--git-dir', options.gitDir] : [];
    const child = spawn('git', [...gitDirArgs, ...args], {
      env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0' },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      signal: options.signal,
    });
    const stdout: Buffer[] = [];
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) =>
      options.onStdout ? options.onStdout(chunk) : stdout.push(chunk),
    );
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_LIMIT);
    });
    const fail = (reason: string, cause?: Error) =>
      reject(
        new GitCommandError(
          redact(`git ${args[0]} ${reason}`, options.secrets),
          cause && redactError(cause, options.secrets),
        ),
      );
    child.on('error', error =>
      fail(options.signal?.aborted ? 'was aborted' : 'could not run', error),
    );
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve(Buffer.concat(stdout));
      } else {
        fail(
          `failed (${signal ?? `exit code ${code}`}): ${
            stderr.trim() || 'no error output'
          }`,
        );
      }
    });
    if (child.stdin) {
      child.stdin.on('error', () => {
        // git exited early; its exit code and stderr tell why
      });
      child.stdin.end(options.input);
    }
  });
}

/** Removes URL user info (`https://user:token@host`) and the given secrets. */
export function redact(text: string, secrets: string[] = []): string {
  let result = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
  for (const secret of secrets) {
    if (secret) {
      result = result.split(secret).join('***');
    }
  }
  return result;
}

function redactError(error: Error, secrets?: string[]): Error {
  const copy = new Error(redact(error.message, secrets));
  copy.name = error.name;
  return copy;
}
