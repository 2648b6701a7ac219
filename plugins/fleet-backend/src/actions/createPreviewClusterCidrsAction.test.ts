import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import request from 'supertest';
import { clusterEntity, edgeProfile, TODAY } from '../__fixtures__/entities';
import {
  ALICE,
  MALLORY,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

describe('fleet:preview-cluster-cidrs', () => {
  let context: Awaited<ReturnType<typeof startActionsBackend>>;

  beforeAll(async () => {
    context = await startActionsBackend({
      entities: [
        edgeProfile,
        clusterEntity('edg-ber01-store-01', '172.16.0.0/22', '172.24.0.0/24'),
      ],
      today: TODAY,
    });
  });
  afterAll(() => context.backend.stop());

  const preview = (input: object, user?: string) =>
    context
      .invoke('preview-cluster-cidrs', input as any, user)
      .then(r => r.output as any);

  it("gives the first free blocks of the profile's pools, and reserves nothing", async () => {
    const output = await preview({
      profile: 'edge',
      cluster: 'edg-ber03-store-01',
    });
    expect(output).toEqual({
      profileRef: 'clusterprofile:default/edge',
      cluster: 'edg-ber03-store-01',
      pod: {
        ok: true,
        cidr: '172.16.4.0/22',
        pool: '172.16.0.0/13',
        source: 'allocated',
      },
      service: {
        ok: true,
        cidr: '172.24.1.0/24',
        pool: '172.24.0.0/16',
        source: 'allocated',
      },
    });
    const reservations = await request(context.server)
      .get('/api/fleet/cidr/reservations')
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(reservations.status).toBe(200);
    expect(reservations.body.items).toEqual([]);
  });

  it('judges a requested CIDR and names what it overlaps, without hiding the other block', async () => {
    const output = await preview({
      profile: 'clusterprofile:default/edge',
      podCidr: '172.16.0.0/22',
    });
    expect(output.pod).toMatchObject({
      ok: false,
      requested: '172.16.0.0/22',
      reason: expect.stringContaining('resource:default/edg-ber01-store-01'),
      conflicts: [
        {
          cidr: '172.16.0.0/22',
          kind: 'cluster',
          name: 'resource:default/edg-ber01-store-01',
          role: 'pod',
        },
      ],
    });
    expect(output.service).toMatchObject({ ok: true, source: 'allocated' });
  });

  it('refuses an invalid cluster name and input that does not fit the schema', async () => {
    const error = await preview({ profile: 'edge', cluster: 'Store 1' }).catch(
      e => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('cluster');
    await expect(preview({ cluster: 'edg-ber03-store-01' })).rejects.toThrow(
      InputError,
    );
  });

  it('answers NotFoundError for an unknown profile', async () => {
    await expect(preview({ profile: 'nowhere' })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses a caller who may not request clusters', async () => {
    await expect(preview({ profile: 'edge' }, MALLORY)).rejects.toThrow(
      NotAllowedError,
    );
    await expect(preview({ profile: 'edge' }, MALLORY)).rejects.toThrow(
      'permission fleet.cluster.request',
    );
  });
});
