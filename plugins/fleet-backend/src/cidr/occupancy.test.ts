import { Occupancy } from './occupancy';
import { cidr, clusterOccupant } from './testHelpers';

describe('Occupancy', () => {
  const occupancy = new Occupancy([
    clusterOccupant('resource:default/a', '10.64.0.0/16'),
    clusterOccupant('resource:default/b', '10.65.4.0/24', 'service'),
    { cidr: cidr('10.0.0.0/8'), kind: 'reserved-range', name: 'corporate' },
    clusterOccupant('resource:default/v6', 'fd00:10::/56'),
  ]);

  it('names every holder overlapping a block: supernets and nested blocks', () => {
    expect(occupancy.conflicts(cidr('10.64.0.0/15')).map(o => o.name)).toEqual([
      'corporate',
      'resource:default/a',
      'resource:default/b',
    ]);
    expect(occupancy.conflicts(cidr('10.64.3.0/24')).map(o => o.name)).toEqual([
      'corporate',
      'resource:default/a',
    ]);
  });

  it('finds nothing for free space, and keeps IP versions apart', () => {
    expect(occupancy.conflicts(cidr('172.16.0.0/12'))).toEqual([]);
    expect(occupancy.conflicts(cidr('fd00:10:0:100::/56'))).toEqual([]);
    expect(occupancy.conflicts(cidr('fd00::/16')).map(o => o.name)).toEqual([
      'resource:default/v6',
    ]);
  });

  it('counts added occupants for conflicts and the free-block search', () => {
    const growing = new Occupancy([]);
    const pool = cidr('192.168.0.0/22');
    expect(growing.firstFree(pool, 24)).toBe(pool.start);
    growing.add(clusterOccupant('x', '192.168.0.0/24'));
    expect(growing.firstFree(pool, 24)).toBe(pool.start + 256n);
    expect(
      growing.conflicts(cidr('192.168.0.128/25')).map(o => o.name),
    ).toEqual(['x']);
  });

  it('layers occupants on a built occupancy without changing it', () => {
    const base = new Occupancy([clusterOccupant('a', '10.0.0.0/24')]);
    const layered = base.with([clusterOccupant('b', '10.0.1.0/24')]);
    layered.add(clusterOccupant('c', '10.0.2.0/24'));
    const pool = cidr('10.0.0.0/16');
    expect(layered.firstFree(pool, 24)).toBe(pool.start + 768n);
    expect(layered.conflicts(cidr('10.0.0.0/22')).map(o => o.name)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(base.firstFree(pool, 24)).toBe(pool.start + 256n);
    expect(base.conflicts(cidr('10.0.0.0/22')).map(o => o.name)).toEqual(['a']);
    expect(layered.conflicts(cidr('10.0.1.0/25')).map(o => o.name)).toEqual([
      'b',
    ]);
    expect(layered.conflicts(cidr('10.0.0.0/8')).map(o => o.name)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('agrees with a pairwise check on random layouts (conflicts and first free block)', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pool = cidr('10.0.0.0/16');
    for (let round = 0; round < 50; round++) {
      const occupants = Array.from({ length: 40 }, (_, i) => {
        const prefix = 18 + random(10);
        const size = 1n << BigInt(32 - prefix);
        const start = pool.start - 65536n + BigInt(random(3 * 65536));
        return {
          cidr: {
            ...cidr('0.0.0.0/32'),
            prefix,
            start: start - (start % size),
            end: start - (start % size) + size - 1n,
            text: `#${i}`,
          },
          kind: 'cluster' as const,
          name: `c${i}`,
        };
      });
      const layered = new Occupancy(occupants.slice(0, 20)).with(
        occupants.slice(20),
      );
      const prefix = 20 + random(6);
      const size = 1n << BigInt(32 - prefix);
      let expected: bigint | undefined;
      for (
        let start = pool.start;
        start + size - 1n <= pool.end;
        start += size
      ) {
        if (
          !occupants.some(
            o => o.cidr.start <= start + size - 1n && start <= o.cidr.end,
          )
        ) {
          expected = start;
          break;
        }
      }
      expect(layered.firstFree(pool, prefix)).toBe(expected);
      const query = occupants[random(40)].cidr;
      const probe = {
        ...query,
        prefix: Math.max(16, query.prefix - random(3)),
      };
      const probeSize = 1n << BigInt(32 - probe.prefix);
      probe.start = query.start - (query.start % probeSize);
      probe.end = probe.start + probeSize - 1n;
      const pairwise = occupants
        .filter(o => o.cidr.start <= probe.end && probe.start <= o.cidr.end)
        .map(o => o.name)
        .sort();
      expect(
        layered
          .conflicts(probe)
          .map(o => o.name)
          .sort(),
      ).toEqual(pairwise);
    }
  });
});
