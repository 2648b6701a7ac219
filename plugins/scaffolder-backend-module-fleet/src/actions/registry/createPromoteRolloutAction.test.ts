import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { GitRemote } from '../../__testUtils__/gitRemote';
import { demoEntities } from '../namespace/__testUtils__/fixtures';
import { startRolloutApiFake } from '../rollout/__testUtils__/rolloutApiFake';
import {
  canaryGate,
  EAST_1,
  EAST_2,
  rolloutRepositorySeed,
  rolloutView,
} from '../rollout/__testUtils__/rolloutFixtures';
import {
  DEVON,
  PRIYA,
  startRequestBackend,
} from './__testUtils__/requestBackend';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const ACTION = 'fleet-promote-rollout';

describe('scaffolder:fleet-promote-rollout', () => {
  let repo: GitRemote;
  let api: Awaited<ReturnType<typeof startRolloutApiFake>>;
  let context: Awaited<ReturnType<typeof startRequestBackend>>;

  beforeAll(async () => {
    repo = new GitRemote(rolloutRepositorySeed());
    api = await startRolloutApiFake();
    context = await startRequestBackend({
      repo,
      entities: demoEntities(),
      cidrApiUrl: api.url,
    });
  });
  afterAll(async () => {
    await context?.backend.stop();
    await api?.stop();
    repo?.remove();
  });
  beforeEach(() => {
    api.requests.length = 0;
    api.answer(rolloutView());
  });

  const promote = (input: object, user = PRIYA) =>
    context.invoke(ACTION, input as any, user);
  const input = {
    profile: 'clusterprofile:default/production',
    reason: 'Canary ran 3.2.0 for a business week',
  };

  it("proposes the next wave as the caller, through the template's action", async () => {
    const main = repo.git('rev-parse', 'main').trim();
    const output = await promote(input);
    expect(output).toMatchObject({
      status: 'proposed',
      profileRef: 'clusterprofile:default/production',
      targetVersion: '3.2.0',
      wave: 'production-east',
      gate: 'canary: 1 of 1 on 3.2.0, healthy for 6 d of 5 d — open',
      outsideAllowedVersions: [EAST_2],
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      requestedBy: PRIYA,
      profileUrl:
        'https://portal.example.com/catalog/default/clusterprofile/production',
    });
    expect(output.clusters.map((c: { name: string }) => c.name)).toEqual([
      EAST_1,
      EAST_2,
    ]);
    expect(output.summary).toMatch(/when it is merged\.$/);
    expect(output.branch).toMatch(
      /^fleet\/rollout\/production\/3\.2\.0\/production-east-[0-9a-f]{8}$/,
    );
    expect(
      repo.git('diff', '--name-only', `main..${output.branch}`).trim(),
    ).toBe(
      [
        `clusters/${EAST_1}/cluster.yaml`,
        `clusters/${EAST_1}/provisioning/cluster-api.yaml`,
        `clusters/${EAST_1}/provisioning/helmfile.yaml`,
        `clusters/${EAST_2}/cluster.yaml`,
      ].join('\n'),
    );
    expect(repo.log(output.branch, '%ae')).toBe('priya.platform@acme.example');
    expect(repo.git('rev-parse', 'main').trim()).toBe(main);
    expect(api.requests.map(r => r.path)).toEqual([
      '/api/fleet/rollouts/production',
    ]);
  });

  it('checks a dry run without writing anything', async () => {
    const refs = repo.refs();
    const output = await promote({ ...input, dryRun: true });
    expect(output).toMatchObject({
      status: 'checked',
      wave: 'production-east',
    });
    expect(output.commit).toBeUndefined();
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a closed gate with its reason, writing nothing', async () => {
    api.answer(
      rolloutView(
        canaryGate('closed', 'canary: healthy for 3 d of 5 d — closed'),
      ),
    );
    const refs = repo.refs();
    await expect(promote(input)).rejects.toThrow(
      new InputError(
        'production-east of production 3.2.0 cannot be promoted: the gate after canary is closed (canary: healthy for 3 d of 5 d — closed)',
      ),
    );
    expect(repo.refs()).toBe(refs);
  });

  it('refuses Devon before reading the rollout, writing nothing', async () => {
    const refs = repo.refs();
    await expect(promote(input, DEVON)).rejects.toThrow(NotAllowedError);
    expect(api.requests).toHaveLength(0);
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a service token', async () => {
    const refs = repo.refs();
    await expect(
      context.registry.invoke({
        id: `test:${ACTION}`,
        input: input as any,
        credentials: mockCredentials.service('plugin:catalog'),
      }),
    ).rejects.toThrow(NotAllowedError);
    expect(repo.refs()).toBe(refs);
  });

  it('refuses an unknown field instead of ignoring it', async () => {
    await expect(promote({ ...input, force: true })).rejects.toThrow(/force/);
    expect(api.requests).toHaveLength(0);
  });
});
