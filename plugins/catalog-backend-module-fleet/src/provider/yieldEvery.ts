const ITEMS_PER_SLICE = 25;
/** An item at least this large gets a slice of its own: parsing it takes milliseconds. */
const LARGE_ITEM_BYTES = 64 * 1024;

/**
 * Parsing thousands of files is synchronous work: awaiting this in the loop lets the
 * event loop serve requests after every slice of items, and before every large item.
 */
export async function yieldEvery(index: number, bytes = 0): Promise<void> {
  if (
    index % ITEMS_PER_SLICE === ITEMS_PER_SLICE - 1 ||
    bytes >= LARGE_ITEM_BYTES
  ) {
    await new Promise(resolve => setImmediate(resolve));
  }
}
