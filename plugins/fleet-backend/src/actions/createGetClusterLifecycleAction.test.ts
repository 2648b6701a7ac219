import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  clusterEntity,
  fleet,
  profiles,
  TODAY,
} from '../__fixtures__/entities';
import { MALLORY, startActionsBackend } from './__testUtils__/actionsBackend';

describe('fleet:get-cluster-lifecycle', () => {
  let context: Awaited<ReturnType<typeof startActionsBackend>>;

  beforeAll(async () => {
    context = await startActionsBackend({
      entities: [
        ...fleet,
        ...profiles,
        clusterEntity('prd-euw1-other-01', '10.70.0.0/16', '10.96.96.0/20', {
          namespace: 'other',
        }),
      ],
      today: TODAY,
      config: { app: { baseUrl: 'https://portal.example.com/' } },
    });
  });
  afterAll(() => context.backend.stop());

  const get = (input: object, user?: string) =>
    context
      .invoke('get-cluster-lifecycle', input as any, user)
      .then(r => r.output as any);

  it("gives a cluster's record with its findings, by name or by ref", async () => {
    const byName = await get({ cluster: 'prd-euw1-payments-01' });
    expect(byName).toMatchObject({
      entityRef: 'resource:default/prd-euw1-payments-01',
      owner: 'group:default/team-payments',
      purpose: 'Runs prd-euw1-payments-01',
      region: 'eu-west-1',
      environment: 'production',
      environmentGroup: 'production',
      profileRef: 'clusterprofile:default/production',
      profileCurrentVersion: '3.2.0',
      lifetimeClass: 'long-lived',
      created: '2026-01-10',
      status: 'ok',
      governed: true,
      findingCodes: ['cidr-overlap'],
      url: 'https://portal.example.com/catalog/default/resource/prd-euw1-payments-01',
      lifecycleUrl:
        'https://portal.example.com/fleet/lifecycle?search=prd-euw1-payments-01',
    });
    expect(byName.findings).toEqual([
      {
        code: 'cidr-overlap',
        severity: 'critical',
        message: expect.stringContaining('10.64.128.0/17'),
        relatedEntityRef: 'resource:default/prd-use1-payments-01',
      },
    ]);
    const byRef = await get({
      cluster: 'Resource:default/PRD-EUW1-PAYMENTS-01',
    });
    expect(byRef).toEqual(byName);
  });

  it('finds a cluster of another namespace only by its full ref', async () => {
    await expect(get({ cluster: 'prd-euw1-other-01' })).rejects.toThrow(
      NotFoundError,
    );
    await expect(
      get({ cluster: 'resource:other/prd-euw1-other-01' }),
    ).resolves.toMatchObject({
      url: 'https://portal.example.com/catalog/other/resource/prd-euw1-other-01',
    });
  });

  it('answers NotFoundError for an unknown cluster and for an entity that is no cluster', async () => {
    await expect(get({ cluster: 'prd-euw1-nowhere-01' })).rejects.toThrow(
      'No cluster prd-euw1-nowhere-01 in the catalog (or you may not see it)',
    );
    await expect(
      get({ cluster: 'clusterprofile:default/production' }),
    ).rejects.toThrow(NotFoundError);
  });

  it('refuses input that does not fit the schema', async () => {
    await expect(get({})).rejects.toThrow(InputError);
    await expect(get({ cluster: '' })).rejects.toThrow(InputError);
    await expect(get({ cluster: 42 })).rejects.toThrow(InputError);
  });

  it('refuses a caller without fleet.lifecycle.read', async () => {
    await expect(
      get({ cluster: 'prd-euw1-payments-01' }, MALLORY),
    ).rejects.toThrow(NotAllowedError);
  });
});
