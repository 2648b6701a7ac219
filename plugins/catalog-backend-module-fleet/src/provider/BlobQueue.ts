import type { GitTreeFile } from './GitMirror';

/** Loads blobs, handing each content to `onBlob` with its index in `oids`. */
export type BlobLoader = (
  oids: string[],
  onBlob: (index: number, content: Buffer) => void,
) => Promise<void>;

/**
 * The blobs of one load, as they arrive: `take(i)` waits for the i-th, or rejects when
 * the load failed.
 */
export class BlobQueue {
  readonly #contents: Array<Buffer | undefined>;
  readonly #loading: Promise<void>;
  #settled = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void) | undefined;

  constructor(files: GitTreeFile[], load: BlobLoader) {
    this.#contents = new Array(files.length);
    this.#loading = load(
      files.map(file => file.oid),
      (index, content) => {
        this.#contents[index] = content;
        this.#wake?.();
      },
    );
    this.#loading.then(
      () => {
        this.#settled = true;
        this.#wake?.();
      },
      error => {
        this.#settled = true;
        this.#failure = { error };
        this.#wake?.();
      },
    );
  }

  async take(index: number): Promise<Buffer> {
    for (;;) {
      const content = this.#contents[index];
      if (content) {
        this.#contents[index] = undefined; // parsed once, then garbage
        return content;
      }
      if (this.#failure) {
        throw this.#failure.error;
      }
      if (this.#settled) {
        throw new Error(`blob ${index} never arrived`);
      }
      await new Promise<void>(resolve => {
        this.#wake = resolve;
      });
    }
  }

  /** Resolves when the load finished, rejecting if it failed. */
  done(): Promise<void> {
    return this.#loading;
  }
}
