import { compareBigInt } from './bigint';

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** An inclusive range of integers, e.g. the addresses of a CIDR block. */
export type BigRange = { readonly start: bigint; readonly end: bigint };

/**
 * A set of integers kept as sorted, disjoint ranges; overlapping and adjacent ranges
 * are merged on insert. Lookups are binary searches.
 */
export class IntervalSet {
  private readonly merged: BigRange[] = [];

  constructor(ranges: Iterable<BigRange> = []) {
    const sorted = [...ranges].sort((a, b) => compareBigInt(a.start, b.start));
    for (const range of sorted) {
      checkRange(range);
      const lastIndex = this.merged.length - 1;
      const last = this.merged[lastIndex];
      if (last && range.start <= last.end + 1n) {
        this.merged[lastIndex] = {
          start: last.start,
          end: max(last.end, range.end),
        };
      } else {
        this.merged.push({ start: range.start, end: range.end });
      }
    }
  }

  /** The merged ranges, in order. */
  get ranges(): readonly BigRange[] {
    return this.merged;
  }

  add(range: BigRange): void {
    checkRange(range);
    const first = this.firstEndingAtOrAfter(range.start - 1n);
    let last = first;
    let { start, end } = range;
    while (last < this.merged.length && this.merged[last].start <= end + 1n) {
      start = min(start, this.merged[last].start);
      end = max(end, this.merged[last].end);
      last++;
    }
    this.merged.splice(first, last - first, { start, end });
  }

  /** The merged ranges that share at least one integer with `range`. */
  overlapping(range: BigRange): BigRange[] {
    const found: BigRange[] = [];
    for (
      let i = this.firstEndingAtOrAfter(range.start);
      i < this.merged.length && this.merged[i].start <= range.end;
      i++
    ) {
      found.push(this.merged[i]);
    }
    return found;
  }

  overlaps(range: BigRange): boolean {
    return this.overlapping(range).length > 0;
  }

  private firstEndingAtOrAfter(value: bigint): number {
    let low = 0;
    let high = this.merged.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.merged[mid].end < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}

function checkRange(range: BigRange): void {
  if (range.start > range.end) {
    throw new RangeError(
      `Range start ${range.start} is after its end ${range.end}`,
    );
  }
}
