import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import path from 'path';
import { InputError } from '@backstage/errors';
import {
  clusterEntity,
  FIXTURE_PLATFORM_REPO,
  edgeProfile,
  registeredFrom,
} from '../__fixtures__/entities';
import { CatalogNetworks } from './CatalogNetworks';
import { CidrService } from './CidrService';
import { ReservationStore } from './ReservationStore';
import { cidr } from './testHelpers';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const MIGRATIONS = path.resolve(__dirname, '../../migrations');
const START = new Date('2026-09-01T08:00:00Z');

const MALLORY = 'https://github.com/mallory/catalog/blob/main';

/** A cluster with these CIDRs registered from a URL, in the default namespace or another. */
function spoofedCluster(
  name: string,
  podCidr: string,
  serviceCidr: string,
  namespace?: string,
): Entity {
  return registeredFrom(
    clusterEntity(name, podCidr, serviceCidr, { namespace }),
    `${MALLORY}/${name}.yaml`,
  );
}

describe.each(databases.eachSupportedId())('CidrService on %s', databaseId => {
  let now: Date;
  let catalog: CatalogService;
  let service: CidrService;

  /** The catalog as it is now; replaced to let clusters appear. */
  function setCatalog(entities: Entity[]) {
    catalog = catalogServiceMock({ entities });
  }

  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: MIGRATIONS });
    now = START;
    setCatalog([
      edgeProfile,
      clusterEntity('edg-ber01-store-01', '172.16.0.0/22', '172.24.0.0/24'),
    ]);
    const delegating = new Proxy({} as CatalogService, {
      get:
        (_, name: keyof CatalogService) =>
        (...args: any[]) =>
          (catalog[name] as any)(...args),
    });
    service = new CidrService({
      store: new ReservationStore(knex),
      catalog: new CatalogNetworks(delegating, mockServices.auth(), {
        snapshotMs: 0,
        origins: [FIXTURE_PLATFORM_REPO],
      }),
      config: {
        reservedRanges: [
          {
            cidr: cidr('172.16.4.0/22'),
            kind: 'reserved-range',
            name: 'store LAN',
          },
        ],
        reservationTtlMinutes: 60,
        retiredGracePeriodMs: 7 * 24 * 3600_000,
        catalogSnapshotMs: 0,
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
      },
      clock: { now: () => now },
      logger: mockServices.logger.mock(),
    });
  });

  const reserve = (cluster: string, extra: object = {}) =>
    service.reserve({
      cluster,
      profileRef: 'edge',
      requestedBy: 'user:default/priya.platform',
      ...extra,
    });

  it('confirms a reservation once its cluster is in the catalog with the reserved CIDRs', async () => {
    const { reservation } = await reserve('edg-muc01-store-01');
    expect(reservation).toMatchObject({
      podCidr: '172.16.8.0/22',
      serviceCidr: '172.24.1.0/24',
    });

    // The cluster appears, but with other CIDRs: not confirmed.
    setCatalog([
      edgeProfile,
      clusterEntity('edg-muc01-store-01', '172.16.12.0/22', '172.24.1.0/24'),
    ]);
    expect((await service.sweep()).confirmed).toEqual([]);

    setCatalog([
      edgeProfile,
      clusterEntity('edg-muc01-store-01', '172.16.8.0/22', '172.24.1.0/24'),
    ]);
    now = new Date(START.getTime() + 10 * 60_000);
    const { confirmed, released } = await service.sweep();
    expect(confirmed.map(r => r.id)).toEqual([reservation.id]);
    expect(released).toEqual([]);

    // Confirmed reservations outlive their expiry and keep holding their blocks.
    now = new Date(START.getTime() + 24 * 3600_000);
    expect((await service.sweep()).released).toEqual([]);
    expect(await service.list({})).toEqual([
      expect.objectContaining({
        status: 'confirmed',
        confirmedBy: 'resource:default/edg-muc01-store-01',
        confirmedAt: '2026-09-01T08:10:00.000Z',
      }),
    ]);
  });

  it('ignores clusters that are not from the platform repository: they occupy no block and confirm no reservation', async () => {
    // A copy claiming the next free blocks, and one named like the cluster being requested.
    setCatalog([
      edgeProfile,
      clusterEntity('edg-ber01-store-01', '172.16.0.0/22', '172.24.0.0/24'),
      spoofedCluster('edg-squat-01', '172.16.8.0/21', '172.24.1.0/24'),
    ]);
    const { reservation } = await reserve('edg-muc01-store-01');
    expect(reservation).toMatchObject({
      podCidr: '172.16.8.0/22',
      serviceCidr: '172.24.1.0/24',
    });

    setCatalog([
      edgeProfile,
      spoofedCluster('edg-muc01-store-01', '172.16.8.0/22', '172.24.1.0/24'),
      spoofedCluster(
        'edg-muc01-store-01',
        '172.16.8.0/22',
        '172.24.1.0/24',
        'mallory',
      ),
    ]);
    now = new Date(START.getTime() + 10 * 60_000);
    expect((await service.sweep()).confirmed).toEqual([]);
    expect(await service.list({})).toEqual([
      expect.objectContaining({ id: reservation.id, status: 'pending' }),
    ]);
  });

  it('never allocates from the pools of a profile that is not from the platform repository', async () => {
    setCatalog([
      edgeProfile,
      registeredFrom(
        {
          ...edgeProfile,
          metadata: { name: 'edge-lab', namespace: 'default' },
        },
        `${MALLORY}/profile.yaml`,
      ),
    ]);
    const error = await reserve('edg-lab-01', {
      profileRef: 'clusterprofile:default/edge-lab',
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      "profileRef: clusterprofile:default/edge-lab is not from the platform repository (the catalog records another origin for it); CIDRs are allocated only from its profiles' pools",
    );
    expect(await service.list({})).toEqual([]);
  });

  it('releases a pending reservation after its TTL, freeing its blocks for the next request', async () => {
    const { reservation } = await reserve('edg-muc01-store-01', {
      ttlMinutes: 30,
    });
    expect(reservation.expiresAt).toBe('2026-09-01T08:30:00.000Z');
    now = new Date('2026-09-01T08:29:59Z');
    expect((await service.sweep()).released).toEqual([]);
    now = new Date('2026-09-01T08:30:00Z');
    expect((await service.sweep()).released.map(r => r.id)).toEqual([
      reservation.id,
    ]);
    expect(await service.list({})).toEqual([]);
    const next = await reserve('edg-fra01-store-01');
    expect(next.reservation.podCidr).toBe(reservation.podCidr);
  });

  it('a retried reservation extends the expiry of the pending one', async () => {
    const first = await reserve('edg-muc01-store-01', { ttlMinutes: 30 });
    now = new Date('2026-09-01T08:20:00Z');
    const retried = await reserve('edg-muc01-store-01', { ttlMinutes: 30 });
    expect(retried).toMatchObject({
      created: false,
      reservation: {
        id: first.reservation.id,
        expiresAt: '2026-09-01T08:50:00.000Z',
      },
    });
    now = new Date('2026-09-01T08:30:00Z');
    expect((await service.sweep()).released).toEqual([]);
  });

  it('previews a requested block against everything but the cluster’s own reservation', async () => {
    await reserve('edg-muc01-store-01');
    const own = await service.preview({
      profileRef: 'edge',
      cluster: 'edg-muc01-store-01',
      podCidr: '172.16.8.0/22',
    });
    expect(own.pod).toMatchObject({ ok: true, source: 'requested' });
    expect(own.reservation?.cluster).toBe('edg-muc01-store-01');
    const other = await service.preview({
      profileRef: 'edge',
      podCidr: '172.16.8.0/22',
    });
    expect(other.pod).toMatchObject({
      ok: false,
      reason:
        'podCidr: 172.16.8.0/22 overlaps 172.16.8.0/22 (pod CIDR reserved for cluster edg-muc01-store-01)',
    });
  });
});

describe('CatalogNetworks', () => {
  it('reads every cluster’s CIDRs as the plugin, sharing one read within the snapshot time', async () => {
    const catalog = catalogServiceMock({
      entities: [
        clusterEntity('a', '10.0.0.0/16', '10.1.0.0/20'),
        clusterEntity('b', 'not-a-cidr', '10.1.16.0/20'),
      ],
    });
    const streamEntities = jest.spyOn(catalog, 'streamEntities');
    let clock = 0;
    const networks = new CatalogNetworks(catalog, mockServices.auth(), {
      snapshotMs: 10_000,
      origins: [FIXTURE_PLATFORM_REPO],
      now: () => clock,
    });
    const [first, second] = await Promise.all([
      networks.clusters(),
      networks.clusters(),
    ]);
    expect(first).toBe(second);
    expect(
      first.occupants.map(o => `${o.name} ${o.role} ${o.cidr.text}`),
    ).toEqual([
      'resource:default/a pod 10.0.0.0/16',
      'resource:default/a service 10.1.0.0/20',
      'resource:default/b service 10.1.16.0/20',
    ]);
    expect(streamEntities).toHaveBeenCalledTimes(1);
    expect(streamEntities.mock.calls[0][1]).toEqual({
      credentials: expect.objectContaining({
        principal: expect.objectContaining({ type: 'service' }),
      }),
    });
    clock = 10_000;
    await networks.clusters();
    expect(streamEntities).toHaveBeenCalledTimes(2);
  });
});
