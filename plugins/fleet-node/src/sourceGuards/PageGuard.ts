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
 * Keeps a paged read of an untrusted source finite. Call {@link PageGuard.next} after
 * each page that says there is more, with the cursor of the next page (a continue
 * token, or a fingerprint of the page when the client computes offsets itself). It
 * throws a {@link PagingError} when a cursor repeats — the server's paging does not
 * advance and would never end — or when one more page would exceed `maxPages`.
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

  /**
   * Records a page that was read and says there is another, starting at `cursor`;
   * throws when that other page must not be requested.
   */
  next(cursor: string): void {
    this.#pages += 1;
    const { what, maxPages } = this.#options;
    const cursorName = this.#options.cursorName ?? 'cursor';
    if (this.#seen.has(cursor)) {
      throw new PagingError(
        `${what}: page ${this.#pages} gave a ${cursorName} the source already gave before, so its paging does not advance and would never end; the read was stopped after ${
          this.#pages
        } pages`,
      );
    }
    this.#seen.add(cursor);
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
        `${this.#options.what}: the source announces ${total} items, ${pages} pages of ${pageSize}, more than the limit of ${
          this.#options.maxPages
        } pages${this.#limit()}; nothing was read past the first page`,
      );
    }
  }

  #limit(): string {
    return this.#options.setting ? ` (${this.#options.setting})` : '';
  }
}
