import type { GitTreeFile } from './GitMirror';
import { EntityFileResult, readEntityFile } from './readPlatformRepo';
import { yieldEvery } from './yieldEvery';

/**
 * Remembers what each entity file yielded, by blob id and path, so that a run reads
 * and parses only the files that changed since the previous one. A result is a pure
 * function of its key, so instances (one per provider, on each replica) never
 * disagree; only the files of the latest commit are kept.
 */
export class EntityFileCache {
  #results = new Map<string, EntityFileResult>();

  /**
   * The result of every file, loading the contents of the files not seen before
   * through `loadBlobs` (one call for all of them).
   */
  async read(
    files: GitTreeFile[],
    loadBlobs: (oids: string[]) => Promise<Buffer[]>,
  ): Promise<Array<{ path: string; result: EntityFileResult }>> {
    const unseen = files.filter(file => !this.#results.has(keyOf(file)));
    const contents = await loadBlobs(unseen.map(file => file.oid));
    const results = new Map<string, EntityFileResult>();
    for (const [index, file] of unseen.entries()) {
      await yieldEvery(index);
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
}

function keyOf(file: GitTreeFile): string {
  return `${file.oid}:${file.path}`;
}
