import { CustomErrorBase } from '@backstage/errors';

/** A paged read was stopped: the source's paging did not advance, or it ran past the page bound. */
export class PagingError extends CustomErrorBase {
  name = 'PagingError' as const;
}

export type PageGuardOptions = {
  /** What is being paged, first in every message, e.g. `GET /api/endpoints`. */
  what: string;
  /** How many pages one read may take. */
  maxPages: number;
  /** The setting of `maxPages`, named in the error, e.g. `catalog.providers.fleetPortainer.prod.maxPages`. */
  setting?: string;
  /** What a cursor is called in the error, e.g. `continue token`. */
  cursorName?: string;
};

/**
 * Keeps a paged read of an untrusted source finite and whole. Call
 * {@link PageGuard.page} for every page read, with what identifies where the source
 * is in its list (the continue token it gave, or a fingerprint of the page when the
 * client computes offsets itself), and {@link PageGuard.more} before requesting
 * another page. They throw a {@link PagingError} when a cursor repeats — the
 * source's paging does not advance and would never end, or would silently hand back
 * the same items — and when another page would exceed `maxPages`.
 */
export class PageGuard {
  readonly #options: PageGuardOptions;
  readonly #seen = new Set<string>();
  #pages = 0;

  constructor(options: PageGuardOptions) {
    if (!Number.isInteger(options.maxPages) || options.maxPages < 1) {
      throw new TypeError(
        `PageGuard: maxPages must be a positive integer, got ${options.maxPages}`,
      );
    }
    this.#options = options;
  }

  /** Pages read so far. */
  get pages(): number {
    return this.#pages;
  }

  /** Records a page that was read; `cursor` (if any) must not repeat an earlier page's. */
  page(cursor?: string): void {
    this.#pages += 1;
    if (cursor === undefined) {
      return;
    }
    if (this.#seen.has(cursor)) {
      throw new PagingError(
        `${this.#options.what}: page ${this.#pages} gave a ${
          this.#options.cursorName ?? 'cursor'
        } the source already gave before, so its paging does not advance and would never end; the read was stopped after ${
          this.#pages
        } pages`,
      );
    }
    this.#seen.add(cursor);
  }

  /** Says another page is about to be requested; throws when that would pass `maxPages`. */
  more(): void {
    const { what, maxPages } = this.#options;
    if (this.#pages >= maxPages) {
      throw new PagingError(
        `${what}: still more after ${maxPages} pages, the limit${this.#limit()}; the read was stopped. Raise the limit only if the source really is this large`,
      );
    }
  }

  /**
   * Checks a size the source announces up front (e.g. a total count) before paging
   * through it: more than `maxPages` pages of `pageSize` fails at once.
   */
  expectItems(total: number, pageSize: number): void {
    const pages = Math.ceil(total / pageSize);
    if (pages > this.#options.maxPages) {
      throw new PagingError(
        `${
          this.#options.what
        }: the source announces ${total} items, ${pages} pages of ${pageSize}, more than the limit of ${
          this.#options.maxPages
        } pages${this.#limit()}; nothing was read past the first page`,
      );
    }
  }

  #limit(): string {
    return this.#options.setting ? ` (${this.#options.setting})` : '';
  }
}
