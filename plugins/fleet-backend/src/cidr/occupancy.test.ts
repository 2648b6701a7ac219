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
});
