import { GitCommandError, runGit } from '@fleet-portal/plugin-fleet-node';

/** Parses `<oid> <type> <size>\n<content>\n` records as the chunks arrive. */
export class CatFileBatchParser {
  readonly objects: Buffer[] = [];
  problem: string | undefined;
  #pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    this.#pending =
      this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    while (!this.problem) {
      const headerEnd = this.#pending.indexOf(0x0a);
      if (headerEnd < 0) {
        return;
      }
      const header = this.#pending.toString('utf8', 0, headerEnd);
      const match = /^[0-9a-f]+ [a-z]+ (\d+)$/.exec(header);
      if (!match) {
        this.problem = header;
        return;
      }
      const contentEnd = headerEnd + 1 + Number(match[1]);
      if (this.#pending.length < contentEnd + 1) {
        return;
      }
      this.objects.push(this.#pending.subarray(headerEnd + 1, contentEnd));
      this.#pending = this.#pending.subarray(contentEnd + 1);
    }
  }
}

/**
 * Reads blobs through ONE `git cat-file --batch` process, streaming its output, so
 * that reading ten thousand files costs one process rather than ten thousand.
 * Resolves with the contents in the order of `oids`.
 */
export async function readBlobs(
  gitDir: string,
  oids: string[],
  signal?: AbortSignal,
): Promise<Buffer[]> {
  if (oids.length === 0) {
    return [];
  }
  const parser = new CatFileBatchParser();
  await runGit(['cat-file', '--batch'], {
    gitDir,
    input: oids.map(oid => `${oid}\n`).join(''),
    signal,
    onStdout: chunk => parser.push(chunk),
  });
  if (parser.problem || parser.objects.length !== oids.length) {
    throw new GitCommandError(
      `git cat-file returned ${parser.objects.length} of ${
        oids.length
      } objects${parser.problem ? `: ${parser.problem}` : ''}`,
    );
  }
  return parser.objects;
}
