import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import request from 'supertest';
import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import {
  ALICE,
  MALLORY,
  startActionsBackend,
} from './__testUtils__/actionsBackend';

describe('fleet:list-clusters', () => {
  let context: Awaited<ReturnType<typeof startActionsBackend>>;

  beforeAll(async () => {
    context = await startActionsBackend({
      entities: [...fleet, ...profiles],
      today: TODAY,
      config: { app: { baseUrl: 'https://portal.example.com' } },
    });
  });
  afterAll(() => context.backend.stop());

  const list = (input: object, user?: string) =>
    context
      .invoke('list-clusters', input as any, user)
      .then(r => r.output as any);

  it('gives the same clusters as the lifecycle API for the same filters', async () => {
    const api = await request(context.server)
      .get(
        '/api/fleet/lifecycle/clusters?environment=production&status=review-due,ok',
      )
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(api.status).toBe(200);

    const output = await list({
      environment: ['production'],
      status: ['review-due', 'ok'],
    });
    expect(output.clusters.map((c: any) => c.entityRef)).toEqual(
      api.body.items.map((c: any) => c.entityRef),
    );
    expect(output.totalItems).toBe(api.body.totalItems);
    expect(output.today).toBe(TODAY);
    expect(output.clusters[0]).toEqual({
      entityRef: 'resource:default/prd-euw1-checkout-01',
      name: 'prd-euw1-checkout-01',
      owner: 'group:default/team-checkout',
      environment: 'production',
      region: 'eu-west-1',
      profileRef: 'clusterprofile:default/production',
      profileVersion: '3.2.0',
      reviewBy: '2026-07-10',
      status: 'review-due',
      daysLeft: 25,
      statusDate: '2026-07-10',
      governed: true,
      findingCodes: [],
      url: 'https://portal.example.com/catalog/default/resource/prd-euw1-checkout-01',
    });
    expect(output.url).toBe(
      'https://portal.example.com/fleet/lifecycle?environment=production&status=review-due&status=ok',
    );
  });

  it('finds what is due within some days: either date, past ones included', async () => {
    const output = await list({ dueWithinDays: 30, orderBy: 'name' });
    expect(output.clusters.map((c: any) => c.name)).toEqual([
      'dev-euw1-legacy-01', // retired on 2026-05-01
      'prd-euw1-checkout-01', // review in 25 days
      'stg-euw1-checkout-01', // review overdue since 2026-06-01
    ]);
  });

  it('takes a single value for a list filter and short refs', async () => {
    const output = await list({ owner: 'team-checkout', orderBy: 'name' });
    expect(output.clusters.map((c: any) => c.name)).toEqual([
      'prd-euw1-checkout-01',
      'stg-euw1-checkout-01',
    ]);
  });

  it('pages like the API', async () => {
    const output = await list({ limit: 3, offset: 3 });
    expect(output).toMatchObject({
      offset: 3,
      limit: 3,
      totalItems: fleet.length,
      hasMore: true,
    });
    expect(output.clusters).toHaveLength(3);
    const last = await list({ limit: 3, offset: 6 });
    expect(last.hasMore).toBe(false);
  });

  it.each([
    ['an unknown status', { status: ['sleeping'] }],
    ['a page size of 0', { limit: 0 }],
    ['a page size above the maximum', { limit: 501 }],
    ['a negative number of days', { dueWithinDays: -1 }],
    ['a sort field that does not exist', { orderBy: 'color' }],
  ])('refuses %s with an InputError', async (_, input) => {
    await expect(list(input)).rejects.toThrow(InputError);
  });

  it('refuses a caller without fleet.lifecycle.read', async () => {
    await expect(list({}, MALLORY)).rejects.toThrow(NotAllowedError);
    await expect(list({}, MALLORY)).rejects.toThrow(
      'You are not allowed to read cluster lifecycles (permission fleet.lifecycle.read)',
    );
  });

  it('is listed as a read-only, idempotent action whose filters are optional', async () => {
    const { actions } = await context.registry.list();
    const action = actions.find(a => a.name === 'list-clusters')!;
    expect(action.attributes).toEqual({
      readOnly: true,
      destructive: false,
      idempotent: true,
    });
    expect((action.schema.input as any).required ?? []).toEqual([]);
    expect(Object.keys((action.schema.input as any).properties)).toEqual(
      expect.arrayContaining([
        'owner',
        'environment',
        'status',
        'dueWithinDays',
      ]),
    );
  });

  it('has examples the input schema accepts', async () => {
    const { actions } = await context.registry.list();
    const action = actions.find(a => a.name === 'list-clusters')!;
    expect(action.examples?.length).toBeGreaterThan(0);
    for (const example of action.examples!) {
      await expect(list(example.input)).resolves.toBeDefined();
    }
  });
});
