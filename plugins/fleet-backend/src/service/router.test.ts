import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ClusterLifecycle,
  fleetLifecycleReadPermission,
  LifecyclePage,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';

const ALICE = 'user:default/alice';

describe('lifecycle routes', () => {
  let context: Awaited<ReturnType<typeof startFleetTestBackend>>;

  beforeAll(async () => {
    context = await startFleetTestBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
    });
  });
  afterAll(() => context.backend.stop());
  beforeEach(() => context.streamEntities.mockClear());

  const get = (path: string) =>
    request(context.server)
      .get(`/api/fleet${path}`)
      .set('Authorization', mockCredentials.user.header(ALICE));

  it('lists clusters, worst first, read from the catalog with the caller’s credentials', async () => {
    const res = await get('/lifecycle/clusters');
    expect(res.status).toBe(200);
    const page: LifecyclePage = res.body;
    expect(page.totalItems).toBe(fleet.length);
    expect(page.items.map(c => c.status)).toEqual([
      'retired',
      'review-overdue',
      'retiring-soon',
      'review-due',
      'ok',
      'ok',
      'ok',
      'unknown',
    ]);
    expect(page.facets.status.ok).toBe(3);

    const calls = context.streamEntities.mock.calls;
    expect(calls).toHaveLength(2);
    for (const [, options] of calls) {
      expect(options).toEqual({ credentials: mockCredentials.user(ALICE) });
    }
    expect(calls.map(([query]) => query?.filter)).toEqual([
      { kind: 'resource', 'spec.type': 'kubernetes-cluster' },
      { kind: 'ClusterProfile' },
    ]);
    expect(calls[0][0]?.fields).toContain('spec');
    expect(calls[0][0]?.fields).not.toContain('metadata.annotations');
  });

  it('gives one cluster with its findings', async () => {
    const res = await get('/lifecycle/clusters/default/prd-euw1-payments-01');
    expect(res.status).toBe(200);
    const cluster: ClusterLifecycle = res.body;
    expect(cluster).toMatchObject({
      entityRef: 'resource:default/prd-euw1-payments-01',
      status: 'ok',
      daysLeft: 169,
      governed: true,
    });
    expect(cluster.findings.map(f => f.code)).toEqual(['cidr-overlap']);
  });

  it('filters, sorts and pages on the server', async () => {
    const res = await get(
      '/lifecycle/clusters?owner=team-checkout,team-payments&status=ok&status=review-due&orderBy=name&order=desc&offset=1&limit=2',
    );
    expect(res.status).toBe(200);
    expect(res.body.totalItems).toBe(3);
    expect(res.body.items.map((c: ClusterLifecycle) => c.name)).toEqual([
      'prd-euw1-payments-01',
      'prd-euw1-checkout-01',
    ]);
    expect(res.body).toMatchObject({ offset: 1, limit: 2 });
  });

  it('searches', async () => {
    const res = await get('/lifecycle/clusters?search=staging');
    expect(res.body.items.map((c: ClusterLifecycle) => c.name)).toEqual([
      'stg-euw1-checkout-01',
    ]);
  });

  it.each([
    ['status=sleeping', 'status'],
    ['orderBy=colour', 'orderBy'],
    ['order=up', 'order'],
    ['limit=501', 'limit'],
    ['limit=0', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=abc', 'offset'],
  ])('rejects %s naming the parameter', async (query, parameter) => {
    const res = await get(`/lifecycle/clusters?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(`query parameter ${parameter}`);
  });

  it('names the unknown status among several', async () => {
    const res = await get('/lifecycle/clusters?status=ok,sleeping');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('(got "sleeping")');
  });

  it('404s for a cluster that is not in the catalog, or not a cluster', async () => {
    expect((await get('/lifecycle/clusters/default/nope')).status).toBe(404);
    expect((await get('/lifecycle/clusters/default/production')).status).toBe(
      404,
    );
  });

  it('exports every matching row as CSV', async () => {
    const res = await get(
      '/lifecycle/clusters/export.csv?environment=production&limit=1',
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('fleet-lifecycle.csv');
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'name,owner,environment,profile,profileVersion,reviewBy,retireBy,status,daysLeft,findings',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      'prd-euw1-checkout-01,group:default/team-checkout,production,clusterprofile:default/production,3.2.0,2026-07-10,,review-due,25,',
    );
  });

  it('gives the schedule per month from the current month', async () => {
    const res = await get('/lifecycle/schedule?months=3');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      months: [
        { month: '2026-06', reviews: 1, retirements: 0 },
        { month: '2026-07', reviews: 1, retirements: 0 },
        { month: '2026-08', reviews: 0, retirements: 1 },
      ],
    });
    expect((await get('/lifecycle/schedule')).body.months).toHaveLength(12);
    expect((await get('/lifecycle/schedule?months=61')).status).toBe(400);
  });

  it('rejects unauthenticated requests', async () => {
    const res = await request(context.server)
      .get('/api/fleet/lifecycle/clusters')
      .set('Authorization', mockCredentials.user.invalidHeader());
    expect(res.status).toBe(401);
    expect(context.streamEntities).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it.each([
    '/lifecycle/clusters',
    '/lifecycle/clusters/export.csv',
    '/lifecycle/clusters/default/prd-euw1-payments-01',
    '/lifecycle/schedule',
    '/metrics',
  ])(
    'GET %s is 403 when the policy denies fleet.lifecycle.read',
    async path => {
      const permissions = mockServices.permissions.mock({
        authorize: jest.fn(async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY } as const)),
        ),
      });
      const { backend, server, streamEntities } = await startFleetTestBackend({
        entities: [...fleet, ...profiles],
        today: TODAY,
        features: [permissions.factory],
      });
      try {
        const res = await request(server)
          .get(`/api/fleet${path}`)
          .set('Authorization', mockCredentials.user.header(ALICE));
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('NotAllowedError');
        expect(permissions.authorize).toHaveBeenCalledWith(
          [{ permission: fleetLifecycleReadPermission }],
          { credentials: mockCredentials.user(ALICE) },
        );
        expect(streamEntities).not.toHaveBeenCalled();
      } finally {
        await backend.stop();
      }
    },
  );

  it('is 200 when the policy allows it', async () => {
    const { backend, server } = await startFleetTestBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
      features: [
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    try {
      const res = await request(server)
        .get('/api/fleet/lifecycle/clusters')
        .set('Authorization', mockCredentials.user.header(ALICE));
      expect(res.status).toBe(200);
    } finally {
      await backend.stop();
    }
  });
});
