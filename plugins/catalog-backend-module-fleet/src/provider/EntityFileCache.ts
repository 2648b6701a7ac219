import type { GitTreeFile } from './GitMirror';
import { EntityFileResult, readEntityFile } from './readPlatformRepo';
import { yieldEvery } from './yieldEvery';

/** The default of a provider's `maxFileBytes`: 1 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Remembers what each entity file yielded, by blob id and path, so that a run reads
 * and parses only the files that changed since the previous one. A result is a pure
 * function of its key, so instances (one per provider, on each replica) never
 * disagree; only the files of the latest commit are kept. A file larger than
 * `maxFileBytes` is skipped without its content ever being read.
 */
export class EntityFileCache {
  readonly #maxFileBytes: number;
  #results = new Map<string, EntityFileResult>();

  constructor(options: { maxFileBytes?: number } = {}) {
    this.#maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /**
   * The result of every file, loading the contents of the files not seen before
   * (and not too large) through `loadBlobs` (one call for all of them).
   */
  async read(
    files: GitTreeFile[],
    loadBlobs: (oids: string[]) => Promise<Buffer[]>,
  ): Promise<Array<{ path: string; result: EntityFileResult }>> {
    const results = new Map<string, EntityFileResult>();
    const unseen: GitTreeFile[] = [];
    for (const file of files) {
      const key = keyOf(file);
      if (this.#results.has(key) || results.has(key)) {
        continue;
      }
      if (file.size > this.#maxFileBytes) {
        results.set(key, this.#tooLarge(file));
      } else {
        unseen.push(file);
      }
    }
    const contents = await loadBlobs(unseen.map(file => file.oid));
    for (const [index, file] of unseen.entries()) {
      await yieldEvery(index, file.size);
      results.set(
        keyOf(file),
        await readEntityFile({
          path: file.path,
          content: contents[index].toString('utf8'),
        }),
      );
    }
    for (const file of files) {
      const key = keyOf(file);
      results.set(key, results.get(key) ?? this.#results.get(key)!);
    }
    this.#results = results;
    // Copies: the caller annotates the entities it gets.
    return files.map(file => ({
      path: file.path,
      result: structuredClone(results.get(keyOf(file))!),
    }));
  }

  #tooLarge(file: GitTreeFile): EntityFileResult {
    return {
      errors: [
        {
          path: file.path,
          line: 1,
          message: `the file is ${formatBytes(
            file.size,
          )}, more than the ${formatBytes(
            this.#maxFileBytes,
          )} an entity file may have (maxFileBytes of the provider), so it was not read`,
        },
      ],
    };
  }
}

function keyOf(file: GitTreeFile): string {
  return `${file.oid}:${file.path}`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  }
  if (bytes >= 1024) {
    return `${(bytes / 1024).toFixed(1)} KiB`;
  }
  return `${bytes} bytes`;
}
