/** Comparator for bigints: negative, zero or positive like `a - b`. */
export function compareBigInt(a: bigint, b: bigint): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
