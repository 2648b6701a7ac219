import {
  CidrConflict,
  CidrRole,
  IntervalSet,
  IpVersion,
  ParsedCidr,
} from '@fleet-portal/plugin-fleet-common';
import { firstFreeAlignedBlock } from './firstFit';

/** A block that a new one must not overlap, and who holds it. */
export type Occupant = {
  cidr: ParsedCidr;
  kind: CidrConflict['kind'];
  /** Entity ref of the cluster, cluster name of the reservation, or description of the reserved range. */
  name: string;
  role?: CidrRole;
};

const ADDRESS_BITS: Record<IpVersion, number> = { 4: 32, 6: 128 };

function blockKey(version: IpVersion, start: bigint, prefix: number) {
  return `${version}|${start}|${prefix}`;
}

function compareStart(a: { start: bigint }, b: { start: bigint }): number {
  if (a.start === b.start) {
    return 0;
  }
  return a.start < b.start ? -1 : 1;
}

const byStart = (a: Occupant, b: Occupant) => compareStart(a.cidr, b.cidr);

/**
 * Every occupied block of the address space: merged into one IntervalSet per IP version for the
 * free-gap search, and indexed by exact block for naming the holders of an overlap.
 *
 * `with()` layers more occupants on a built one without rebuilding it, so that the fleet's
 * clusters are indexed once per catalog snapshot and each request adds only the reservations.
 */
export class Occupancy {
  private readonly free: Record<IpVersion, IntervalSet>;
  /**
   * Occupants by exact block, one map per layer: CIDRs nest or are disjoint, so the holders of a
   * block's supernets are found by key.
   */
  private readonly byBlock: Map<string, Occupant[]>[];
  /** Occupants sorted by start, per version, for the blocks nested inside a queried one. */
  private readonly sorted: Record<IpVersion, Occupant[]>;

  constructor(occupants: Iterable<Occupant>, base?: Occupancy) {
    const added = [...occupants].sort(byStart);
    const layer = (version: IpVersion) =>
      added.filter(o => o.cidr.version === version);
    // Both inputs are sorted; the engine's merge sort joins two runs in linear time.
    const join = <T>(
      before: readonly T[],
      after: T[],
      compare: (a: T, b: T) => number,
    ) => (before.length === 0 ? after : [...before, ...after].sort(compare));
    this.free = {
      4: new IntervalSet(
        join(
          base?.free[4].ranges ?? [],
          layer(4).map(o => o.cidr),
          compareStart,
        ),
      ),
      6: new IntervalSet(
        join(
          base?.free[6].ranges ?? [],
          layer(6).map(o => o.cidr),
          compareStart,
        ),
      ),
    };
    this.sorted = {
      4: join(base?.sorted[4] ?? [], layer(4), byStart),
      6: join(base?.sorted[6] ?? [], layer(6), byStart),
    };
    this.byBlock = [...(base?.byBlock ?? []), new Map()];
    for (const occupant of added) {
      this.index(occupant);
    }
  }

  /** A new occupancy holding this one's occupants and `more`; this one is left as it is. */
  with(more: Iterable<Occupant>): Occupancy {
    return new Occupancy(more, this);
  }

  add(occupant: Occupant): void {
    const { version, start } = occupant.cidr;
    this.free[version].add(occupant.cidr);
    const list = this.sorted[version];
    list.splice(this.firstStartingAtOrAfter(list, start), 0, occupant);
    this.index(occupant);
  }

  /** The first free block of the prefix length in the pool, aligned to its size. */
  firstFree(pool: ParsedCidr, prefix: number): bigint | undefined {
    const bits = ADDRESS_BITS[pool.version];
    if (prefix < pool.prefix || prefix > bits) {
      return undefined;
    }
    return firstFreeAlignedBlock(
      this.free[pool.version].ranges,
      pool,
      1n << BigInt(bits - prefix),
    );
  }

  /** Every occupant overlapping the block: those containing it, then those inside it. */
  conflicts(cidr: ParsedCidr): Occupant[] {
    if (!this.free[cidr.version].overlaps(cidr)) {
      return [];
    }
    const found: Occupant[] = [];
    const bits = ADDRESS_BITS[cidr.version];
    for (let prefix = 0; prefix < cidr.prefix; prefix++) {
      const mask =
        ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
      const key = blockKey(cidr.version, cidr.start & mask, prefix);
      for (const layer of this.byBlock) {
        found.push(...(layer.get(key) ?? []));
      }
    }
    const list = this.sorted[cidr.version];
    for (
      let i = this.firstStartingAtOrAfter(list, cidr.start);
      i < list.length && list[i].cidr.start <= cidr.end;
      i++
    ) {
      // Blocks starting here but larger contain this one: found above as supernets.
      if (list[i].cidr.prefix >= cidr.prefix) {
        found.push(list[i]);
      }
    }
    return found;
  }

  private index(occupant: Occupant) {
    const { version, start, prefix } = occupant.cidr;
    const key = blockKey(version, start, prefix);
    const layer = this.byBlock[this.byBlock.length - 1];
    const holders = layer.get(key);
    if (holders) {
      holders.push(occupant);
    } else {
      layer.set(key, [occupant]);
    }
  }

  private firstStartingAtOrAfter(list: Occupant[], value: bigint): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (list[mid].cidr.start < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
