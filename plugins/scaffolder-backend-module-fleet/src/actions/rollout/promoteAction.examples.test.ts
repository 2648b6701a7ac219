import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { parse } from 'yaml';
import { GitRemote } from '../../__testUtils__/gitRemote';
import { promoteExamples } from './examples';
import { createRolloutPromoteAction } from './promoteAction';
import { RolloutViewClient } from './RolloutViewClient';
import { startRolloutApiFake } from './__testUtils__/rolloutApiFake';
import {
  rolloutRepositorySeed,
  rolloutView,
} from './__testUtils__/rolloutFixtures';

jest.setTimeout(60_000);

describe('fleet:rollout:promote examples', () => {
  let repo: GitRemote;
  let api: Awaited<ReturnType<typeof startRolloutApiFake>>;
  beforeAll(async () => {
    api = await startRolloutApiFake();
    api.answer(rolloutView());
  });
  afterAll(() => api.stop());
  beforeEach(() => {
    repo = new GitRemote(rolloutRepositorySeed());
  });
  afterEach(() => repo.remove());

  it.each(promoteExamples.map(e => [e.description, e] as const))(
    'runs: %s',
    async (_, example) => {
      const auth = mockServices.auth();
      const action = createRolloutPromoteAction({
        auth,
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
        rollouts: new RolloutViewClient({ discovery: api.discovery, auth }),
        writer: new PlatformRepoWriter({ remote: repo.remote }),
      });
      const [step] = parse(example.example).steps;
      expect(step.action).toBe(action.id);
      const ctx = {
        ...createMockActionContext({
          input: step.input,
          user: { ref: 'user:default/priya.platform' },
          task: { id: 'example-task' },
        }),
        getInitiatorCredentials: async () =>
          mockCredentials.user('user:default/priya.platform'),
      };
      await action.handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith('wave', 'production-east');
      expect(repo.branches()).toHaveLength(2);
    },
  );
});
