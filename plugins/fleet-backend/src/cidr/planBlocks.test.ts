import { ConflictError, InputError } from '@backstage/errors';
import { Occupancy, Occupant } from './occupancy';
import { acceptedBlocks } from './planErrors';
import { planBlocks } from './planBlocks';
import { profilePools } from './profilePools';
import { cidr, clusterOccupant } from './testHelpers';

const edge = profilePools('clusterprofile:default/edge', {
  podPools: ['172.16.0.0/13'],
  servicePools: ['172.24.0.0/16'],
  podPrefix: 22,
  servicePrefix: 24,
});

function plan(
  occupants: Occupant[],
  requested: { podCidr?: string; serviceCidr?: string } = {},
  pools = edge,
) {
  return planBlocks({
    pools,
    occupancy: new Occupancy(occupants),
    requested,
    holder: 'edg-ber01-store-01',
  });
}

describe('planBlocks', () => {
  it('allocates the first free aligned block of the profile prefix from each pool', () => {
    const result = plan([
      clusterOccupant('resource:default/edg-a', '172.16.0.0/22'),
      clusterOccupant('resource:default/edg-b', '172.16.4.0/23'),
      clusterOccupant('resource:default/edg-a', '172.24.0.0/24', 'service'),
    ]);
    expect(result.pod).toEqual({
      ok: true,
      role: 'pod',
      cidr: '172.16.8.0/22',
      pool: '172.16.0.0/13',
      source: 'allocated',
    });
    expect(result.service).toMatchObject({ ok: true, cidr: '172.24.1.0/24' });
  });

  it('respects reserved ranges from config', () => {
    const result = plan([
      {
        cidr: cidr('172.16.0.0/16'),
        kind: 'reserved-range',
        name: 'Berlin store LAN',
      },
      {
        cidr: cidr('172.24.0.0/20'),
        kind: 'reserved-range',
        name: 'node subnets',
      },
    ]);
    expect(result.pod).toMatchObject({ ok: true, cidr: '172.17.0.0/22' });
    expect(result.service).toMatchObject({ ok: true, cidr: '172.24.16.0/24' });
  });

  it('never gives the pod and service blocks the same space when pools overlap', () => {
    const shared = profilePools('clusterprofile:default/shared', {
      podPools: ['10.0.0.0/16'],
      servicePools: ['10.0.0.0/16'],
      podPrefix: 20,
      servicePrefix: 24,
    });
    const result = plan([], {}, shared);
    expect(result.pod).toMatchObject({ cidr: '10.0.0.0/20' });
    expect(result.service).toMatchObject({ cidr: '10.0.16.0/24' });
  });

  it('names the pool when it is exhausted, and still plans the other block', () => {
    const result = plan([
      {
        cidr: cidr('172.16.0.0/13'),
        kind: 'cluster',
        name: 'resource:default/big',
        role: 'pod',
      },
    ]);
    expect(result.pod).toEqual({
      ok: false,
      role: 'pod',
      reason: 'The pod pool 172.16.0.0/13 has no free /22 block left',
      exhaustedPools: ['172.16.0.0/13'],
    });
    expect(result.service).toMatchObject({ ok: true, cidr: '172.24.0.0/24' });
    expect(() => acceptedBlocks(result, edge)).toThrow(ConflictError);
    expect(() => acceptedBlocks(result, edge)).toThrow(
      'No free CIDR block in profile clusterprofile:default/edge; caused by CidrPoolExhaustedError: The pod pool 172.16.0.0/13 has no free /22 block left',
    );
  });

  it('falls through to the next pool, and names all of them when all are full', () => {
    const two = profilePools('p', {
      podPools: ['10.0.0.0/23', '10.1.0.0/23'],
      servicePools: ['10.2.0.0/24'],
      podPrefix: 24,
      servicePrefix: 24,
    });
    const first = plan([clusterOccupant('c1', '10.0.0.0/23')], {}, two);
    expect(first.pod).toMatchObject({
      cidr: '10.1.0.0/24',
      pool: '10.1.0.0/23',
    });
    const none = plan(
      [
        clusterOccupant('c1', '10.0.0.0/23'),
        clusterOccupant('c2', '10.1.0.0/23'),
      ],
      {},
      two,
    );
    expect(none.pod).toMatchObject({
      ok: false,
      reason:
        'The pod pools 10.0.0.0/23, 10.1.0.0/23 have no free /24 block left',
    });
  });

  it('allocates IPv6 blocks', () => {
    const v6 = profilePools('v6', {
      podPools: ['fd00:10::/48'],
      servicePools: ['fd00:20::/108'],
      podPrefix: 64,
      servicePrefix: 112,
    });
    const result = plan(
      [clusterOccupant('resource:default/x', 'fd00:10::/63')],
      {},
      v6,
    );
    expect(result.pod).toMatchObject({ ok: true, cidr: 'fd00:10:0:2::/64' });
    expect(result.service).toMatchObject({ ok: true, cidr: 'fd00:20::/112' });
  });

  describe('requested CIDRs', () => {
    const occupants = [
      clusterOccupant('resource:default/edg-ham01-store-01', '172.16.4.0/22'),
      {
        cidr: cidr('172.24.8.0/21'),
        kind: 'reserved-range' as const,
        name: 'store routers',
      },
      {
        cidr: cidr('172.24.3.0/24'),
        kind: 'reservation' as const,
        name: 'edg-muc01-store-02',
        role: 'service' as const,
      },
    ];

    it('accepts a free aligned block of the profile prefix inside a pool', () => {
      const result = plan(occupants, {
        podCidr: '172.16.8.0/22',
        serviceCidr: '172.24.4.0/24',
      });
      expect(result.pod).toEqual({
        ok: true,
        role: 'pod',
        cidr: '172.16.8.0/22',
        pool: '172.16.0.0/13',
        source: 'requested',
      });
      expect(result.service).toMatchObject({ ok: true, source: 'requested' });
    });

    it('names the other cluster, reservation and reserved range it overlaps', () => {
      const result = plan(occupants, {
        podCidr: '172.16.4.0/22',
        serviceCidr: '172.24.3.0/24',
      });
      expect(result.pod).toMatchObject({
        ok: false,
        requested: '172.16.4.0/22',
        reason:
          'podCidr: 172.16.4.0/22 overlaps 172.16.4.0/22 (pod CIDR of cluster resource:default/edg-ham01-store-01)',
        conflicts: [
          {
            cidr: '172.16.4.0/22',
            kind: 'cluster',
            name: 'resource:default/edg-ham01-store-01',
            role: 'pod',
          },
        ],
      });
      expect(result.service).toMatchObject({
        ok: false,
        reason:
          'serviceCidr: 172.24.3.0/24 overlaps 172.24.3.0/24 (service CIDR reserved for cluster edg-muc01-store-02)',
      });
      const ranged = plan(occupants, { serviceCidr: '172.24.9.0/24' });
      expect(ranged.service).toMatchObject({
        reason:
          'serviceCidr: 172.24.9.0/24 overlaps 172.24.8.0/21 (reserved range: store routers)',
      });
    });

    it('reports both blocks in one InputError: one bad block never hides the other', () => {
      const result = plan(occupants, {
        podCidr: '172.16.4.0/22',
        serviceCidr: 'nonsense',
      });
      let error: any;
      try {
        acceptedBlocks(result, edge);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain('podCidr: 172.16.4.0/22 overlaps');
      expect(error.message).toContain('serviceCidr: "nonsense" is not a CIDR');
      expect(error.cause).toMatchObject({
        name: 'CidrConflictError',
        conflicts: [
          {
            field: 'podCidr',
            requested: '172.16.4.0/22',
            name: 'resource:default/edg-ham01-store-01',
          },
        ],
      });
    });

    it('rejects blocks outside the pools, of another size, with host bits, or the other IP version', () => {
      expect(plan([], { podCidr: '10.0.0.0/22' }).pod).toMatchObject({
        reason:
          "podCidr: 10.0.0.0/22 is not inside the profile's pod pool 172.16.0.0/13",
      });
      expect(plan([], { podCidr: '172.16.0.0/23' }).pod).toMatchObject({
        reason: "podCidr: 172.16.0.0/23 must be a /22, the profile's podPrefix",
      });
      expect(plan([], { podCidr: '172.16.1.0/22' }).pod).toMatchObject({
        reason:
          'podCidr: 172.16.1.0/22 has host bits set; the network address would be 172.16.0.0/22',
      });
      expect(plan([], { serviceCidr: 'fd00::/24' }).service).toMatchObject({
        reason:
          "serviceCidr: fd00::/24 is not inside the profile's service pool 172.24.0.0/16",
      });
    });

    it('checks the requested service block against the requested pod block', () => {
      const shared = profilePools('shared', {
        podPools: ['10.0.0.0/16'],
        servicePools: ['10.0.0.0/16'],
        podPrefix: 20,
        servicePrefix: 24,
      });
      const result = plan(
        [],
        { podCidr: '10.0.0.0/20', serviceCidr: '10.0.1.0/24' },
        shared,
      );
      expect(result.service).toMatchObject({
        ok: false,
        reason:
          'serviceCidr: 10.0.1.0/24 overlaps 10.0.0.0/20 (pod CIDR reserved for cluster edg-ber01-store-01)',
      });
    });
  });
});

describe('profilePools', () => {
  it('names every missing or invalid network field of the profile', () => {
    expect(() =>
      profilePools('clusterprofile:default/broken', {
        podPools: ['10.0.0.1/16'],
        podPrefix: 20,
      }),
    ).toThrow(
      'Profile clusterprofile:default/broken cannot allocate CIDRs: spec.network.podPools: 10.0.0.1/16 has host bits set; the network address would be 10.0.0.0/16; spec.network.servicePools is missing or empty; spec.network.servicePrefix is missing or not an integer',
    );
  });
});
