import { GitCommandError, runGit } from '@fleet-portal/plugin-fleet-node';

/**
 * Parses `<oid> <type> <size>\n<content>\n` records as the chunks arrive, handing each
 * object to `onObject` when given, else keeping it in `objects`.
 */
export class CatFileBatchParser {
  readonly objects: Buffer[] = [];
  /** How many objects were parsed. */
  count = 0;
  problem: string | undefined;
  #pending: Buffer = Buffer.alloc(0);
  readonly #onObject: (content: Buffer) => void;

  constructor(onObject?: (content: Buffer) => void) {
    this.#onObject = onObject ?? (content => this.objects.push(content));
  }

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
      const content = this.#pending.subarray(headerEnd + 1, contentEnd);
      this.#pending = this.#pending.subarray(contentEnd + 1);
      this.count += 1;
      this.#onObject(content);
    }
  }
}

/**
 * Streams blobs through ONE `git cat-file --batch` process, so that reading ten
 * thousand files costs one process rather than ten thousand: `onBlob` gets each
 * content with its index in `oids` as soon as it arrives, in order. Resolves once git
 * is done and every blob arrived.
 */
export async function streamBlobs(
  gitDir: string,
  oids: string[],
  onBlob: (index: number, content: Buffer) => void,
  signal?: AbortSignal,
): Promise<void> {
  if (oids.length === 0) {
    return;
  }
  const parser = new CatFileBatchParser(content => {
    if (parser.count <= oids.length) {
      onBlob(parser.count - 1, content);
    }
  });
  await runGit(['cat-file', '--batch'], {
    gitDir,
    input: oids.map(oid => `${oid}\n`).join(''),
    signal,
    onStdout: chunk => parser.push(chunk),
  });
  if (parser.problem || parser.count !== oids.length) {
    throw new GitCommandError(
      `git cat-file returned ${parser.count} of ${oids.length} objects${
        parser.problem ? `: ${parser.problem}` : ''
      }`,
    );
  }
}

/** The contents of blobs, in the order of `oids`, through streamBlobs. */
export async function readBlobs(
  gitDir: string,
  oids: string[],
  signal?: AbortSignal,
): Promise<Buffer[]> {
  const contents: Buffer[] = [];
  await streamBlobs(
    gitDir,
    oids,
    (index, content) => {
      contents[index] = content;
    },
    signal,
  );
  return contents;
}
