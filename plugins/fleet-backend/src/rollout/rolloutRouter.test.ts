import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  fleetHealthReadPermission,
  RolloutList,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import { clusterEntity, profileEntity, TODAY } from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';

const PRIYA = 'user:default/priya';

function withRollout(profile: Entity): Entity {
  return {
    ...profile,
    spec: {
      ...profile.spec,
      rollout: {
        waves: [
          { name: 'canary', gate: { soakDays: 5 } },
          { name: 'production-east' },
          { name: 'production-west' },
        ],
      },
    },
  };
}

function member(
  name: string,
  index: number,
  version: string,
  wave?: string,
): Entity {
  return clusterEntity(
    name,
    `10.${64 + index}.0.0/16`,
    `10.96.${index * 16}.0/20`,
    {
      spec: {
        profileVersion: version,
        ...(wave ? { rollout: { wave, versionSince: '2026-06-01' } } : {}),
      },
    },
  );
}

// listed out of order on purpose: the view orders them by the profile's waves
const entities: Entity[] = [
  withRollout(profileEntity('production', '3.2.0', ['3.1.0'])),
  profileEntity('non-production', '2.4.0', ['2.3.0']),
  member('prd-west-01', 0, '3.1.0', 'production-west'),
  member('prd-newer-01', 1, '3.1.0'),
  member('prd-canary-01', 2, '3.2.0', 'canary'),
  member('prd-east-01', 3, '3.1.0', 'production-east'),
  member('prd-east-02', 4, '3.0.0', 'production-east'),
  member('prd-canary-02', 5, '3.2.0', 'canary'),
];

describe('rollout routes', () => {
  let context: Awaited<ReturnType<typeof startFleetTestBackend>>;

  beforeAll(async () => {
    context = await startFleetTestBackend({ entities, today: TODAY });
  });
  afterAll(() => context.backend.stop());

  const get = (path: string) =>
    request(context.server)
      .get(`/api/fleet${path}`)
      .set('Authorization', mockCredentials.user.header(PRIYA));

  it('shows the waves in the profile’s order, clusters without a wave last', async () => {
    const res = await get('/rollouts/production');
    expect(res.status).toBe(200);
    const view: RolloutView = res.body;
    expect(view.targetVersion).toBe('3.2.0');
    expect(view.waves.map(w => [w.name, w.clusters.map(c => c.name)])).toEqual([
      ['canary', ['prd-canary-01', 'prd-canary-02']],
      ['production-east', ['prd-east-01', 'prd-east-02']],
      ['production-west', ['prd-west-01']],
      ['unassigned', ['prd-newer-01']],
    ]);
    expect(view.waves.map(w => [w.onTarget, w.total, w.complete])).toEqual([
      [2, 2, true],
      [0, 2, false],
      [0, 1, false],
      [0, 1, false],
    ]);
  });

  it('calls out clusters on a version the profile does not allow', async () => {
    const view: RolloutView = (await get('/rollouts/production')).body;
    const east = view.waves[1].clusters;
    expect(
      east.map(c => [c.name, c.version, c.onTarget, c.versionAllowed]),
    ).toEqual([
      ['prd-east-01', '3.1.0', false, true],
      ['prd-east-02', '3.0.0', false, false],
    ]);
    expect(east[0]).toMatchObject({
      ownerRef: 'group:default/team-payments',
      versionSince: '2026-06-01',
      healthNow: 'unknown',
    });
  });

  it('never opens a soak gate without fleet health: the next wave is not promotable', async () => {
    const view: RolloutView = (await get('/rollouts/production')).body;
    expect(view.nextWave).toBe('production-east');
    expect(view.promotable).toBe(false);
    expect(view.gate).toMatchObject({ wave: 'canary', verdict: 'unknown' });
    expect(view.gate!.reason).toBe(
      'canary: fleet health is not configured (fleet.health.sources), so the soak cannot be judged — unknown',
    );
    // a wave without a gate opens once it is complete; production-east is not
    expect(view.waves[1].gate).toMatchObject({
      verdict: 'closed',
      reason:
        'production-east: 0 of 2 on 3.2.0 — closed (prd-east-01 runs 3.1.0, prd-east-02 runs 3.0.0)',
    });
    expect(view.waves[3].gate).toBeUndefined();
  });

  it('lists profiles with their progress, those in rollout first', async () => {
    const res = await get('/rollouts');
    expect(res.status).toBe(200);
    const list: RolloutList = res.body;
    expect(list.items[0]).toMatchObject({
      profileName: 'production',
      inRollout: true,
      clusters: 6,
      onTarget: 2,
      nextWave: 'production-east',
    });
  });

  it('exposes progress per wave and the gates as gauges in /metrics', async () => {
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    const lines = res.text.split('\n');
    for (const line of [
      'fleet_rollout_clusters{profile="production",version="3.2.0",wave="canary",state="on-target"} 2',
      'fleet_rollout_clusters{profile="production",version="3.2.0",wave="canary",state="behind"} 0',
      'fleet_rollout_clusters{profile="production",version="3.2.0",wave="production-east",state="behind"} 2',
      'fleet_rollout_clusters{profile="production",version="3.2.0",wave="unassigned",state="behind"} 1',
      'fleet_rollout_gate{profile="production",version="3.2.0",wave="canary",verdict="unknown"} 1',
      'fleet_rollout_gate{profile="production",version="3.2.0",wave="canary",verdict="open"} 0',
      'fleet_rollout_promotable{profile="production",version="3.2.0",wave="production-east"} 0',
    ]) {
      expect(lines).toContain(line);
    }
  });

  it('answers 404 for an unknown profile and 400 for a name that cannot be one', async () => {
    expect((await get('/rollouts/edge')).status).toBe(404);
    const bad = await get('/rollouts/Not%20A%20Profile');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Invalid profile');
  });
});

describe('rollout permissions', () => {
  it.each(['/rollouts', '/rollouts/production'])(
    'GET %s is 403 when the policy denies fleet.health.read',
    async path => {
      const permissions = mockServices.permissions.mock({
        authorize: jest.fn(async requests =>
          requests.map(() => ({ result: AuthorizeResult.DENY } as const)),
        ),
      });
      const { backend, server, streamEntities } = await startFleetTestBackend({
        entities,
        today: TODAY,
        features: [permissions.factory],
      });
      try {
        const res = await request(server)
          .get(`/api/fleet${path}`)
          .set('Authorization', mockCredentials.user.header(PRIYA));
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('NotAllowedError');
        expect(permissions.authorize).toHaveBeenCalledWith(
          [{ permission: fleetHealthReadPermission }],
          { credentials: mockCredentials.user(PRIYA) },
        );
        expect(streamEntities).not.toHaveBeenCalled();
      } finally {
        await backend.stop();
      }
    },
  );
});
