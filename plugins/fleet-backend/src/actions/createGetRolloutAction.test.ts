import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { Entity } from '@backstage/catalog-model';
import { clusterEntity, profileEntity, TODAY } from '../__fixtures__/entities';
import { MALLORY, startActionsBackend } from './__testUtils__/actionsBackend';

const profile = profileEntity('production', '3.2.0', ['3.1.0']);
const entities: Entity[] = [
  {
    ...profile,
    spec: {
      ...profile.spec,
      rollout: { waves: [{ name: 'canary' }, { name: 'production-east' }] },
    },
  },
  clusterEntity('prd-canary-01', '10.64.0.0/16', '10.96.0.0/20', {
    spec: { rollout: { wave: 'canary', versionSince: '2026-06-01' } },
  }),
  clusterEntity('prd-east-01', '10.65.0.0/16', '10.96.16.0/20', {
    spec: { profileVersion: '3.1.0', rollout: { wave: 'production-east' } },
  }),
];

describe('fleet:get-rollout', () => {
  let context: Awaited<ReturnType<typeof startActionsBackend>>;

  beforeAll(async () => {
    context = await startActionsBackend({
      entities,
      today: TODAY,
      config: { app: { baseUrl: 'https://portal.example.com' } },
    });
  });
  afterAll(() => context.backend.stop());

  it('gives the waves in order, their gates and the next wave', async () => {
    const { output } = await context.invoke('get-rollout', {
      profile: 'production',
    });
    expect(output).toMatchObject({
      profileRef: 'clusterprofile:default/production',
      targetVersion: '3.2.0',
      nextWave: 'production-east',
      promotable: true,
      gate: {
        wave: 'canary',
        verdict: 'open',
        reason: 'canary: 1 of 1 on 3.2.0, no gate after this wave — open',
      },
      url: 'https://portal.example.com/catalog/default/clusterprofile/production',
    });
    expect(
      (output as any).waves.map((w: any) => [w.name, w.onTarget, w.total]),
    ).toEqual([
      ['canary', 1, 1],
      ['production-east', 0, 1],
    ]);
  });

  it('refuses a caller without fleet.health.read before reading anything', async () => {
    context.streamEntities.mockClear();
    await expect(
      context.invoke('get-rollout', { profile: 'production' }, MALLORY),
    ).rejects.toThrow(NotAllowedError);
    expect(context.streamEntities).not.toHaveBeenCalled();
  });

  it('answers NotFound for a profile without governed clusters', async () => {
    await expect(
      context.invoke('get-rollout', { profile: 'edge' }),
    ).rejects.toThrow(NotFoundError);
  });
});
