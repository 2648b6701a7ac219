import { PageGuard, PagingError } from './PageGuard';

const guard = (maxPages = 1000) =>
  new PageGuard({
    what: 'GET /api/things',
    maxPages,
    setting: 'x.maxPages',
    cursorName: 'continue token',
  });

describe('PageGuard', () => {
  it('lets a read take exactly maxPages pages', () => {
    const pages = guard(3);
    for (const cursor of ['a', 'b']) {
      pages.page(cursor);
      pages.more();
    }
    pages.page('c');
    // the third page was read and says there is more: a fourth would pass the bound
    expect(() => pages.more()).toThrow(
      new PagingError(
        'GET /api/things: still more after 3 pages, the limit (x.maxPages); the read was stopped. Raise the limit only if the source really is this large',
      ),
    );
    expect(pages.pages).toBe(3);
  });

  it('stops at a cursor the source gave before, however far back', () => {
    const pages = guard();
    pages.page('a');
    pages.page('b');
    expect(() => pages.page('a')).toThrow(
      'GET /api/things: page 3 gave a continue token the source already gave before, so its paging does not advance and would never end; the read was stopped after 3 pages',
    );
  });

  it('counts pages without a cursor (the first page of a continue-token list)', () => {
    const pages = guard(2);
    pages.page();
    pages.more();
    pages.page('t1');
    expect(() => pages.more()).toThrow('still more after 2 pages');
  });

  it('refuses an announced size beyond the bound, and accepts one within', () => {
    expect(() => guard(10).expectItems(1000, 100)).not.toThrow();
    expect(() => guard(10).expectItems(1001, 100)).toThrow(
      'GET /api/things: the source announces 1001 items, 11 pages of 100, more than the limit of 10 pages (x.maxPages); nothing was read past the first page',
    );
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => guard(0)).toThrow(TypeError);
    expect(() => guard(1.5)).toThrow(TypeError);
  });
});
