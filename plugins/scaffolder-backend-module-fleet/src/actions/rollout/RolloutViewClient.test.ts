import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { RolloutViewClient } from './RolloutViewClient';
import { startRolloutApiFake } from './__testUtils__/rolloutApiFake';
import { rolloutView } from './__testUtils__/rolloutFixtures';

describe('RolloutViewClient', () => {
  let api: Awaited<ReturnType<typeof startRolloutApiFake>>;
  beforeAll(async () => {
    api = await startRolloutApiFake();
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    api.requests.length = 0;
  });

  const priya = mockCredentials.user('user:default/priya.platform');
  const client = () =>
    new RolloutViewClient({
      discovery: api.discovery,
      auth: mockServices.auth(),
    });

  it("reads a profile's rollout as the user, the path segment encoded", async () => {
    api.answer(rolloutView());
    await expect(client().view('production', priya)).resolves.toMatchObject({
      profileName: 'production',
      nextWave: 'production-east',
      promotable: true,
    });
    expect(api.requests).toEqual([
      {
        method: 'GET',
        path: '/api/fleet/rollouts/production',
        authorization: expect.stringContaining('user:default/priya.platform'),
      },
    ]);
    await client()
      .view('a/b', priya)
      .catch(() => undefined);
    expect(api.requests[1].path).toBe('/api/fleet/rollouts/a%2Fb');
  });

  it.each([
    [
      404,
      new InputError(
        'profile: there is no governed cluster profile production with a rollout',
      ),
    ],
    [
      403,
      new NotAllowedError(
        'You may not see the rollout of production (the fleet backend answered 403), so you cannot promote it',
      ),
    ],
    [
      503,
      new ServiceUnavailableError(
        'The fleet backend could not tell the rollout of production (it answered 503); nothing was promoted — try again',
      ),
    ],
  ])('turns %s into an error in words', async (status, error) => {
    api.answer({ status });
    await expect(client().view('production', priya)).rejects.toThrow(error);
  });

  it('refuses an answer that is not a rollout view instead of promoting on a guess', async () => {
    const view: any = rolloutView();
    delete view.promotable;
    api.answer(view);
    await expect(client().view('production', priya)).rejects.toThrow(
      new ServiceUnavailableError(
        'The fleet backend could not tell the rollout of production (its answer is not a rollout view); nothing was promoted — try again',
      ),
    );
  });

  it('says so when the fleet backend cannot be reached', async () => {
    const down = new RolloutViewClient({
      discovery: {
        getBaseUrl: async () => 'http://127.0.0.1:9/api/fleet',
        getExternalBaseUrl: async () => 'http://127.0.0.1:9/api/fleet',
      },
      auth: mockServices.auth(),
    });
    await expect(down.view('production', priya)).rejects.toThrow(
      ServiceUnavailableError,
    );
  });
});
