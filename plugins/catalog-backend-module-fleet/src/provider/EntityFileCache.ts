import { BlobLoader, BlobQueue } from './BlobQueue';
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
 *
 * Results are frozen and shared between runs, rather than copied for each run (a
 * third of a warm run at 10,000 clusters): callers copy what they change.
 */
export class EntityFileCache {
  readonly #maxFileBytes: number;
  #results = new Map<string, EntityFileResult>();

  constructor(options: { maxFileBytes?: number } = {}) {
    this.#maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /**
   * The result of every file. The contents of the files not seen before (and not too
   * large) come through `loadBlobs`, one call for all of them; each is parsed as soon
   * as it arrives, while git still streams the rest.
   */
  async read(
    files: GitTreeFile[],
    loadBlobs: BlobLoader,
  ): Promise<Array<{ path: string; result: EntityFileResult }>> {
    const results = new Map<string, EntityFileResult>();
    const unseen: GitTreeFile[] = [];
    for (const file of files) {
      const key = keyOf(file);
      if (this.#results.has(key) || results.has(key)) {
        continue;
      }
      if (file.size > this.#maxFileBytes) {
        results.set(key, deepFreeze(this.#tooLarge(file)));
      } else {
        unseen.push(file);
      }
    }
    const blobs = new BlobQueue(unseen, loadBlobs);
    for (const [index, file] of unseen.entries()) {
      const content = await blobs.take(index);
      await yieldEvery(index, file.size);
      results.set(
        keyOf(file),
        deepFreeze(
          await readEntityFile({
            path: file.path,
            content: content.toString('utf8'),
          }),
        ),
      );
    }
    await blobs.done();
    for (const file of files) {
      const key = keyOf(file);
      results.set(key, results.get(key) ?? this.#results.get(key)!);
    }
    this.#results = results;
    return files.map(file => ({
      path: file.path,
      result: results.get(keyOf(file))!,
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

/** Freezes a value and everything in it, so no run can change what the next one sees. */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) {
      Object.freeze(item);
      for (const child of Object.values(item)) {
        stack.push(child);
      }
    }
  }
  return value;
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
