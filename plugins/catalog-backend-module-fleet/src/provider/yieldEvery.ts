const ITEMS_PER_SLICE = 25;

/**
 * Parsing thousands of files is synchronous work: awaiting this in the loop lets the
 * event loop serve requests after every slice of items.
 */
export async function yieldEvery(index: number): Promise<void> {
  if (index % ITEMS_PER_SLICE === ITEMS_PER_SLICE - 1) {
    await new Promise(resolve => setImmediate(resolve));
  }
}
