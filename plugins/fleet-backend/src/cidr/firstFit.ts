import { BigRange } from '@fleet-portal/plugin-fleet-common';

/** The smallest multiple of `size` at or above `value`. */
function alignUp(value: bigint, size: bigint): bigint {
  const remainder = value % size;
  return remainder === 0n ? value : value + size - remainder;
}

/** Index of the first range ending at or after `value` (binary search). */
function firstEndingAtOrAfter(ranges: readonly BigRange[], value: bigint) {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ranges[mid].end < value) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

/**
 * Start of the first block of `size` addresses, aligned to `size`, inside `pool` and clear of every
 * range in `occupied` (sorted, disjoint, as kept by IntervalSet). Walks the free gaps from a binary
 * search: O(log n + k) for k occupied ranges inside the pool before the first fitting gap, instead
 * of testing each candidate block against every occupied range.
 */
export function firstFreeAlignedBlock(
  occupied: readonly BigRange[],
  pool: BigRange,
  size: bigint,
): bigint | undefined {
  let cursor = alignUp(pool.start, size);
  let index = firstEndingAtOrAfter(occupied, cursor);
  while (cursor + size - 1n <= pool.end) {
    const next = occupied[index];
    const last = cursor + size - 1n;
    if (!next || next.start > last) {
      return cursor;
    }
    // `next` ends at or after `cursor` and starts inside the candidate: skip past it.
    cursor = alignUp(next.end + 1n, size);
    while (index < occupied.length && occupied[index].end < cursor) {
      index++;
    }
  }
  return undefined;
}
