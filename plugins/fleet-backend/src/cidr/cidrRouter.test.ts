import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CidrPreview,
  CidrReservation,
  fleetCidrReservationDeletePermission,
  fleetClusterRequestPermission,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import {
  clusterEntity,
  fromPlatformRepo,
  TODAY,
} from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';
import { CIDR_SWEEP_TASK_ID } from './scheduleCidrSweep';

const PRIYA = 'user:default/priya.platform';

function edgeProfile(
  name: string,
  network: Record<string, string[] | number>,
): Entity {
  return fromPlatformRepo({
    apiVersion: 'fleet-portal.dev/v1alpha1',
    kind: 'ClusterProfile',
    metadata: { name, namespace: 'default' },
    spec: { type: 'edge', version: '1.0.0', network },
  });
}

const entities: Entity[] = [
  edgeProfile('edge', {
    podPools: ['172.16.0.0/13'],
    servicePools: ['172.24.0.0/16'],
    podPrefix: 22,
    servicePrefix: 24,
  }),
  // Two /24 blocks, one of them reserved in config: a single block to hand out.
  edgeProfile('tiny', {
    podPools: ['192.168.0.0/23'],
    servicePools: ['192.168.10.0/24'],
    podPrefix: 24,
    servicePrefix: 26,
  }),
  clusterEntity('edg-ber01-store-01', '172.16.0.0/22', '172.24.0.0/24'),
  clusterEntity('edg-ham01-store-01', '172.16.8.0/22', '172.24.1.0/24'),
];

const config = {
  fleet: {
    cidr: {
      reservedRanges: [
        { cidr: '172.16.4.0/22', description: 'Berlin store LAN' },
        { cidr: '192.168.0.0/24', description: 'lab network' },
      ],
      reservationTtlMinutes: 60,
    },
  },
};

describe('CIDR routes', () => {
  let context: Awaited<ReturnType<typeof startFleetTestBackend>>;

  beforeEach(async () => {
    context = await startFleetTestBackend({
      entities,
      today: TODAY,
      config,
    });
  });
  afterEach(() => context.backend.stop());

  const asUser = (method: 'get' | 'post' | 'delete', path: string) =>
    request(context.server)
      [method](`/api/fleet${path}`)
      .set('Authorization', mockCredentials.user.header(PRIYA));
  const asService = (method: 'get' | 'post' | 'delete', path: string) =>
    request(context.server)
      [method](`/api/fleet${path}`)
      .set('Authorization', mockCredentials.service.header());

  it('previews the next free blocks, clear of clusters and reserved ranges, storing nothing', async () => {
    const res = await asUser('post', '/cidr/preview').send({
      profileRef: 'edge',
      cluster: 'edg-muc01-store-01',
    });
    expect(res.status).toBe(200);
    const preview: CidrPreview = res.body;
    expect(preview).toEqual({
      profileRef: 'clusterprofile:default/edge',
      cluster: 'edg-muc01-store-01',
      pod: {
        ok: true,
        role: 'pod',
        cidr: '172.16.12.0/22',
        pool: '172.16.0.0/13',
        source: 'allocated',
      },
      service: {
        ok: true,
        role: 'service',
        cidr: '172.24.2.0/24',
        pool: '172.24.0.0/16',
        source: 'allocated',
      },
    });
    const list = await asUser('get', '/cidr/reservations');
    expect(list.body).toEqual({ items: [] });
  });

  it('validates requested CIDRs in a preview, each block with its own reason', async () => {
    const res = await asUser('post', '/cidr/preview').send({
      profileRef: 'clusterprofile:default/edge',
      podCidr: '172.16.4.0/22',
      serviceCidr: '172.24.1.0/24',
    });
    expect(res.status).toBe(200);
    expect(res.body.pod).toMatchObject({
      ok: false,
      reason:
        'podCidr: 172.16.4.0/22 overlaps 172.16.4.0/22 (reserved range: Berlin store LAN)',
    });
    expect(res.body.service).toMatchObject({
      ok: false,
      reason:
        'serviceCidr: 172.24.1.0/24 overlaps 172.24.1.0/24 (service CIDR of cluster resource:default/edg-ham01-store-01)',
      conflicts: [
        {
          cidr: '172.24.1.0/24',
          kind: 'cluster',
          name: 'resource:default/edg-ham01-store-01',
          role: 'service',
        },
      ],
    });
  });

  it('reserves for a service principal, idempotently per cluster, and releases', async () => {
    const body = {
      cluster: 'edg-muc01-store-01',
      profileRef: 'edge',
      requestedBy: PRIYA,
    };
    const created = await asService('post', '/cidr/reservations').send(body);
    expect(created.status).toBe(201);
    const reservation: CidrReservation = created.body;
    expect(reservation).toMatchObject({
      cluster: 'edg-muc01-store-01',
      profileRef: 'clusterprofile:default/edge',
      podCidr: '172.16.12.0/22',
      serviceCidr: '172.24.2.0/24',
      status: 'pending',
      requestedBy: PRIYA,
      createdAt: `${TODAY}T08:00:00.000Z`,
      expiresAt: `${TODAY}T09:00:00.000Z`,
    });

    const repeated = await asService('post', '/cidr/reservations').send(body);
    expect(repeated.status).toBe(200);
    expect(repeated.body.id).toBe(reservation.id);

    const preview = await asUser('post', '/cidr/preview').send({
      profileRef: 'edge',
      cluster: 'edg-muc01-store-01',
    });
    expect(preview.body.pod).toMatchObject({
      cidr: '172.16.12.0/22',
      source: 'reservation',
    });
    expect(preview.body.reservation.id).toBe(reservation.id);

    const next = await asUser('post', '/cidr/reservations').send({
      cluster: 'edg-fra01-store-01',
      profileRef: 'edge',
      podCidr: '172.16.12.0/22',
    });
    expect(next.status).toBe(400);
    expect(next.body.error.name).toBe('InputError');
    expect(next.body.error.message).toBe(
      'Requested CIDRs overlap; caused by CidrConflictError: podCidr: 172.16.12.0/22 overlaps 172.16.12.0/22 (pod CIDR reserved for cluster edg-muc01-store-01)',
    );
    expect(next.body.error.cause).toMatchObject({
      name: 'CidrConflictError',
      conflicts: [
        {
          field: 'podCidr',
          requested: '172.16.12.0/22',
          kind: 'reservation',
          name: 'edg-muc01-store-01',
        },
      ],
    });

    const list = await asService('get', '/cidr/reservations?status=pending');
    expect(list.body.items.map((r: CidrReservation) => r.cluster)).toEqual([
      'edg-muc01-store-01',
    ]);

    expect(
      (await asUser('delete', `/cidr/reservations/${reservation.id}`)).status,
    ).toBe(204);
    const gone = await asUser('delete', `/cidr/reservations/${reservation.id}`);
    expect(gone.status).toBe(404);
    expect((await asUser('get', '/cidr/reservations')).body.items).toEqual([]);
  });

  it('lists no retired clusters while every reserved cluster is in the catalog', async () => {
    const res = await asUser('get', '/cidr/retired');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });

  it('reserves for the calling user, and refuses to reserve in someone else’s name', async () => {
    const own = await asUser('post', '/cidr/reservations').send({
      cluster: 'edg-muc01-store-01',
      profileRef: 'edge',
      podCidr: '172.16.64.0/22',
    });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({
      requestedBy: PRIYA,
      podCidr: '172.16.64.0/22',
    });

    const other = await asUser('post', '/cidr/reservations').send({
      cluster: 'edg-muc02-store-01',
      profileRef: 'edge',
      requestedBy: 'user:default/devon.developer',
    });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toContain(
      'requestedBy: a user can only reserve for themselves',
    );

    const changed = await asUser('post', '/cidr/reservations').send({
      cluster: 'edg-muc01-store-01',
      profileRef: 'edge',
      podCidr: '172.16.68.0/22',
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.message).toContain(
      'its podCidr is 172.16.64.0/22, not 172.16.68.0/22',
    );
  });

  it('schedules the sweep, which keeps a reservation that has neither expired nor reached the catalog', async () => {
    const created = await asService('post', '/cidr/reservations').send({
      cluster: 'edg-muc01-store-01',
      profileRef: 'edge',
      requestedBy: PRIYA,
    });
    await context.scheduler.triggerTask(CIDR_SWEEP_TASK_ID);
    const list = await asUser('get', '/cidr/reservations');
    expect(list.body.items).toEqual([created.body]);
  });

  it('answers 409 naming the pool when it is exhausted', async () => {
    const first = await asService('post', '/cidr/reservations').send({
      cluster: 'lab-01',
      profileRef: 'tiny',
      requestedBy: PRIYA,
    });
    expect(first.status).toBe(201);
    expect(first.body.podCidr).toBe('192.168.1.0/24');
    const second = await asService('post', '/cidr/reservations').send({
      cluster: 'lab-02',
      profileRef: 'tiny',
      requestedBy: PRIYA,
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      name: 'ConflictError',
      message:
        'No free CIDR block in profile clusterprofile:default/tiny; caused by CidrPoolExhaustedError: The pod pool 192.168.0.0/23 has no free /24 block left',
      cause: {
        name: 'CidrPoolExhaustedError',
        role: 'pod',
        pools: ['192.168.0.0/23'],
        prefix: 24,
        profileRef: 'clusterprofile:default/tiny',
      },
    });
  });

  it('names each bad field, an unknown profile and a wrong kind', async () => {
    const bad = await asService('post', '/cidr/reservations').send({
      cluster: 'Not_A_Name',
      ttlMinutes: -1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      `profileRef is required; requestedBy is required (the entity ref of the user the cluster is requested for); ttlMinutes must be a whole number from 1 to 43200; cluster: "Not_A_Name" must be lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. checkout-dev)`,
    );
    const unknown = await asUser('post', '/cidr/preview').send({
      profileRef: 'nope',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'profileRef: no ClusterProfile clusterprofile:default/nope in the catalog',
    );
    const wrongKind = await asUser('post', '/cidr/preview').send({
      profileRef: 'resource:default/edg-ber01-store-01',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.message).toContain(
      'it names a resource, not a ClusterProfile',
    );
  });
});

describe('CIDR route permissions', () => {
  it('denies users without fleet.cluster.request, and still serves service principals', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY } as const)),
      ),
    });
    const { backend, server } = await startFleetTestBackend({
      entities,
      today: TODAY,
      config,
      features: [permissions.factory],
    });
    try {
      for (const [method, path] of [
        ['post', '/cidr/preview'],
        ['post', '/cidr/reservations'],
        ['get', '/cidr/reservations'],
      ] as const) {
        const res = await request(server)
          [method](`/api/fleet${path}`)
          .set(
            'Authorization',
            mockCredentials.user.header('user:default/devon.developer'),
          )
          .send({ profileRef: 'edge' });
        expect(res.status).toBe(403);
        expect(res.body.error.message).toContain('fleet.cluster.request');
      }
      expect(permissions.authorize).toHaveBeenCalledWith(
        [{ permission: fleetClusterRequestPermission }],
        { credentials: mockCredentials.user('user:default/devon.developer') },
      );
      const service = await request(server)
        .post('/api/fleet/cidr/preview')
        .set('Authorization', mockCredentials.service.header())
        .send({ profileRef: 'edge' });
      expect(service.status).toBe(200);
    } finally {
      await backend.stop();
    }
  });
});

describe('releasing a CIDR reservation by hand', () => {
  const DEVON = 'user:default/devon.developer';
  // The demo policy's split: everyone may request, only platform owners may release.
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async (requests, options) =>
      requests.map(({ permission }: { permission: { name: string } }) => ({
        result:
          permission.name === fleetCidrReservationDeletePermission.name &&
          (options?.credentials as any)?.principal?.userEntityRef !== PRIYA
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    ),
  });
  let context: Awaited<ReturnType<typeof startFleetTestBackend>>;
  beforeEach(async () => {
    context = await startFleetTestBackend({
      entities,
      today: TODAY,
      config,
      features: [permissions.factory],
    });
  });
  afterEach(() => context.backend.stop());

  const as = (user: string, method: 'post' | 'delete', path: string) =>
    request(context.server)
      [method](`/api/fleet${path}`)
      .set('Authorization', mockCredentials.user.header(user));

  async function reserveAsDevon() {
    const res = await as(DEVON, 'post', '/cidr/reservations').send({
      cluster: 'edg-muc01-store-01',
      profileRef: 'edge',
    });
    expect(res.status).toBe(201);
    return res.body as CidrReservation;
  }

  it('refuses a developer with 403 in words, even for a reservation they made, and keeps it', async () => {
    const reservation = await reserveAsDevon();
    const res = await as(
      DEVON,
      'delete',
      `/cidr/reservations/${reservation.id}`,
    ).send({ reason: 'mine' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Only platform owners may release CIDR reservations (permission fleet.cidr.reservation.delete); a pending reservation is released by itself when its proposal branch is deleted',
    );
    const list = await request(context.server)
      .get('/api/fleet/cidr/reservations')
      .set('Authorization', mockCredentials.service.header());
    expect(list.body.items.map((r: CidrReservation) => r.id)).toEqual([
      reservation.id,
    ]);
  });

  it('refuses service principals: a release is always someone’s decision', async () => {
    const reservation = await reserveAsDevon();
    const res = await request(context.server)
      .delete(`/api/fleet/cidr/reservations/${reservation.id}`)
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "This endpoint does not allow 'service' credentials",
    );
  });

  it('lets a platform owner release a pending reservation, and refuses a reason that is not text', async () => {
    const reservation = await reserveAsDevon();
    const bad = await as(
      PRIYA,
      'delete',
      `/cidr/reservations/${reservation.id}`,
    ).send({ reason: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('reason must be text');
    const ok = await as(
      PRIYA,
      'delete',
      `/cidr/reservations/${reservation.id}`,
    );
    expect(ok.status).toBe(204);
    const again = await as(
      PRIYA,
      'delete',
      `/cidr/reservations/${reservation.id}`,
    );
    expect(again.status).toBe(404);
  });
});

describe('retired clusters route', () => {
  it('needs fleet.lifecycle.read, not fleet.cluster.request', async () => {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async requests =>
        requests.map(({ permission }: { permission: { name: string } }) => ({
          result:
            permission.name === 'fleet.lifecycle.read'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      ),
    });
    const { backend, server } = await startFleetTestBackend({
      entities,
      today: TODAY,
      config,
      features: [permissions.factory],
    });
    try {
      const res = await request(server)
        .get('/api/fleet/cidr/retired')
        .set('Authorization', mockCredentials.user.header(PRIYA));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'Missing permission fleet.lifecycle.read: only those who may see cluster lifecycles see retired clusters',
      );
    } finally {
      await backend.stop();
    }
  });
});
