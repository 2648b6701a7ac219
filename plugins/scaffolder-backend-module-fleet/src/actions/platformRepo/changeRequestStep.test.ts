import { ConfigReader } from '@backstage/config';
import {
  namespaceHarness,
  validInput,
} from '../namespace/__testUtils__/fixtures';
import { runNamespaceRequest } from '../namespace/__testUtils__/runRequest';
import { FakeScmHost } from './__testUtils__/fakeScmHost';
import { ScmChangeRequests } from './openChangeRequest';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const TOKEN = 'test-token-9a2e';
const PRODUCTION = validInput({
  cluster: 'resource:default/prd-euw1-checkout-01',
  roles: ['edit'],
  quota: {},
}) as any;

describe('fleet:platform-repo:propose with a pull request host', () => {
  let harness: ReturnType<typeof namespaceHarness>;
  let host: FakeScmHost;
  let changeRequests: ScmChangeRequests;
  beforeEach(async () => {
    harness = namespaceHarness();
    host = new FakeScmHost(TOKEN);
    const api = await host.start();
    changeRequests = ScmChangeRequests.fromConfig(
      new ConfigReader({
        fleetPortal: {
          platformRepo: {
            remote: 'https://git.example.test/acme/platform-config.git',
          },
        },
        integrations: {
          github: [
            {
              host: 'git.example.test',
              apiBaseUrl: `${api}/api/v3`,
              token: TOKEN,
            },
          ],
        },
      }),
    );
  });
  afterEach(async () => {
    harness.repo.remove();
    await host.stop();
  });

  it("opens the proposal branch's pull request and outputs its link", async () => {
    const { propose } = await runNamespaceRequest(PRODUCTION, {
      ...harness.deps,
      changeRequests,
    });
    expect(propose.mode).toBe('propose');
    expect(propose.changeRequestUrl).toBe(
      'https://git.example.test/acme/platform-config/pull/12',
    );
    expect(propose.changeRequestLabel).toBe('Pull request #12');
    expect(propose.changeRequestError).toBeUndefined();
    expect(host.requests).toHaveLength(1);
    expect(host.requests[0].body).toMatchObject({
      head: propose.branch,
      base: 'main',
      title:
        'Add tenant namespace checkout-search on prd-euw1-checkout-01 for team-checkout',
    });
    expect(host.requests[0].body.body).toContain(
      'Requested-by: user:default/devon.developer',
    );
  });

  it('keeps the pushed branch and says why when the host refuses', async () => {
    host.failWith = 503;
    const logs: string[] = [];
    const { propose } = await runNamespaceRequest(
      PRODUCTION,
      { ...harness.deps, changeRequests },
      { logs },
    );
    expect(propose.branch).toMatch(/^fleet\/namespace\/prd-euw1-checkout-01\//);
    expect(
      harness.repo.has(
        propose.branch,
        'clusters/prd-euw1-checkout-01/namespaces/checkout-search/namespace.yaml',
      ),
    ).toBe(true);
    expect(propose.changeRequestUrl).toBeUndefined();
    expect(propose.changeRequestError).toBe(
      'git.example.test refused to open the pull request: 503 Service Unavailable (Server Error)',
    );
    expect(logs.join('\n')).toContain(
      `The proposal is on branch ${propose.branch}, but its pull or merge request could not be opened`,
    );
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('opens one pull request when a retried task runs the step again', async () => {
    const checkpoints = new Map<string, unknown>();
    const first = await runNamespaceRequest(
      PRODUCTION,
      { ...harness.deps, changeRequests },
      { checkpoints },
    );
    const again = await runNamespaceRequest(
      PRODUCTION,
      { ...harness.deps, changeRequests },
      { checkpoints },
    );
    expect(again.propose.changeRequestUrl).toBe(first.propose.changeRequestUrl);
    expect(host.requests).toHaveLength(1);
  });

  it('opens nothing for a change that lands directly on main', async () => {
    const { propose } = await runNamespaceRequest(validInput() as any, {
      ...harness.deps,
      changeRequests,
    });
    expect(propose.mode).toBe('direct');
    expect(propose.changeRequestUrl).toBeUndefined();
    expect(host.requests).toHaveLength(0);
  });
});
