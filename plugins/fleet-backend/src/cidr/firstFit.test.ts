import { IntervalSet } from '@fleet-portal/plugin-fleet-common';
import { firstFreeAlignedBlock } from './firstFit';
import { cidr } from './testHelpers';

describe('firstFreeAlignedBlock', () => {
  const pool = cidr('10.0.0.0/16');
  const size = 256n; // a /24
  const base = cidr('10.0.0.0/32').start;

  it('takes the start of an empty pool', () => {
    expect(firstFreeAlignedBlock([], pool, size)).toBe(base);
  });

  it('skips occupied space and realigns after an unaligned occupant', () => {
    const occupied = new IntervalSet([
      cidr('10.0.0.0/24'),
      cidr('10.0.1.0/28'), // leaves 10.0.1.16-255 free, but not a whole aligned /24
    ]);
    expect(firstFreeAlignedBlock(occupied.ranges, pool, size)).toBe(
      base + 512n,
    );
  });

  it('finds a gap between occupants and ignores space outside the pool', () => {
    const occupied = new IntervalSet([
      cidr('9.0.0.0/8'),
      cidr('10.0.0.0/23'),
      cidr('10.0.3.0/24'),
    ]);
    expect(firstFreeAlignedBlock(occupied.ranges, pool, size)).toBe(
      base + 512n,
    );
  });

  it('returns undefined when the pool is full', () => {
    const occupied = new IntervalSet([
      cidr('10.0.0.0/17'),
      cidr('10.0.128.0/17'),
    ]);
    expect(firstFreeAlignedBlock(occupied.ranges, pool, size)).toBeUndefined();
  });

  it('returns undefined when the block is larger than the pool', () => {
    expect(
      firstFreeAlignedBlock([], cidr('10.0.0.0/25'), size),
    ).toBeUndefined();
  });

  it('works on IPv6 sizes', () => {
    const v6pool = cidr('fd00:10::/48');
    const occupied = new IntervalSet([
      cidr('fd00:10::/64'),
      cidr('fd00:10:0:1::/64'),
    ]);
    expect(firstFreeAlignedBlock(occupied.ranges, v6pool, 1n << 64n)).toBe(
      cidr('fd00:10:0:2::/64').start,
    );
  });
});
