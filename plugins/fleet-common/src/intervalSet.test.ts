import { BigRange, IntervalSet } from './intervalSet';

const r = (start: number, end: number): BigRange => ({
  start: BigInt(start),
  end: BigInt(end),
});

describe('IntervalSet', () => {
  it('merges overlapping and adjacent ranges given to the constructor', () => {
    const set = new IntervalSet([
      r(20, 29),
      r(0, 9),
      r(10, 12),
      r(25, 40),
      r(50, 50),
    ]);
    expect(set.ranges).toEqual([r(0, 12), r(20, 40), r(50, 50)]);
  });

  it('merges on add, bridging several ranges', () => {
    const set = new IntervalSet([r(0, 9), r(20, 29), r(40, 49)]);
    set.add(r(60, 69));
    set.add(r(10, 41));
    expect(set.ranges).toEqual([r(0, 49), r(60, 69)]);
    set.add(r(-5, -2));
    set.add(r(51, 52));
    expect(set.ranges).toEqual([r(-5, -2), r(0, 49), r(51, 52), r(60, 69)]);
  });

  it('finds the ranges overlapping a query', () => {
    const set = new IntervalSet([r(0, 9), r(20, 29), r(40, 49)]);
    expect(set.overlapping(r(9, 20))).toEqual([r(0, 9), r(20, 29)]);
    expect(set.overlapping(r(10, 19))).toEqual([]);
    expect(set.overlapping(r(-10, 100))).toHaveLength(3);
    expect(set.overlaps(r(45, 45))).toBe(true);
    expect(set.overlaps(r(50, 60))).toBe(false);
    expect(new IntervalSet().overlaps(r(0, 0))).toBe(false);
  });

  it('agrees with a plain array of covered integers', () => {
    const covered = new Set<number>();
    const set = new IntervalSet();
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % below;
    };
    for (let n = 0; n < 300; n++) {
      const start = random(1000);
      const end = start + random(10);
      set.add(r(start, end));
      for (let i = start; i <= end; i++) covered.add(i);
    }
    for (let i = 1; i < set.ranges.length; i++) {
      expect(set.ranges[i].start).toBeGreaterThan(set.ranges[i - 1].end + 1n);
    }
    for (let i = -1; i <= 1011; i++) {
      expect(set.overlaps(r(i, i))).toBe(covered.has(i));
    }
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => new IntervalSet().add(r(5, 4))).toThrow(RangeError);
  });
});
