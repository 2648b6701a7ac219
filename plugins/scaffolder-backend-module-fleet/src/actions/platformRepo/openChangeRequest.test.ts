import { ConfigReader } from '@backstage/config';
import { FakeScmHost } from './__testUtils__/fakeScmHost';
import { ScmChangeRequests } from './openChangeRequest';

const TOKEN = 'test-token-6f1d';

const proposal = {
  head: 'fleet/namespace/prd-euw1-checkout-01/3f1c9a27',
  base: 'main',
  title: 'Add tenant namespace checkout-search on prd-euw1-checkout-01',
  body: 'Requested-by: user:default/devon.developer',
};

describe('ScmChangeRequests', () => {
  let host: FakeScmHost;
  let api: string;
  beforeEach(async () => {
    host = new FakeScmHost(TOKEN);
    api = await host.start();
  });
  afterEach(() => host.stop());

  const github = (remote: string, token = TOKEN) =>
    ScmChangeRequests.fromConfig(
      new ConfigReader({
        fleetPortal: { platformRepo: { remote, branch: 'main' } },
        integrations: {
          github: [
            { host: 'git.example.test', apiBaseUrl: `${api}/api/v3`, token },
          ],
        },
      }),
    );
  const gitlab = (remote: string, token = TOKEN) =>
    ScmChangeRequests.fromConfig(
      new ConfigReader({
        fleetPortal: { platformRepo: { remote, branch: 'main' } },
        integrations: {
          gitlab: [
            { host: 'gitlab.example.test', apiBaseUrl: `${api}/api/v4`, token },
          ],
        },
      }),
    );

  it('opens a GitHub pull request from the proposal branch into main', async () => {
    const opened = await github(
      'https://git.example.test/acme/platform-config.git',
    ).open(proposal);
    expect(opened).toEqual({
      label: 'Pull request #12',
      url: 'https://git.example.test/acme/platform-config/pull/12',
    });
    expect(host.requests).toHaveLength(1);
    const [request] = host.requests;
    expect(request.path).toBe('/api/v3/repos/acme/platform-config/pulls');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.body).toEqual({
      title: proposal.title,
      head: proposal.head,
      base: 'main',
      body: proposal.body,
    });
  });

  it('opens a GitLab merge request for a project in a subgroup', async () => {
    const opened = await gitlab(
      'https://gitlab.example.test/platform/fleet/platform-config.git',
    ).open(proposal);
    expect(opened).toEqual({
      label: 'Merge request !12',
      url: 'https://gitlab.example.test/platform/fleet/platform-config/-/merge_requests/12',
    });
    const [request] = host.requests;
    expect(request.path).toBe(
      '/api/v4/projects/platform%2Ffleet%2Fplatform-config/merge_requests',
    );
    expect(request.headers['private-token']).toBe(TOKEN);
    expect(request.body).toEqual({
      source_branch: proposal.head,
      target_branch: 'main',
      title: proposal.title,
      description: proposal.body,
    });
  });

  it('opens nothing for a remote without a host integration (the local demo remote)', async () => {
    for (const remote of [
      '/srv/platform-config.git',
      'file:///srv/platform-config.git',
      'https://git.elsewhere.test/acme/platform-config.git',
    ]) {
      await expect(github(remote).open(proposal)).resolves.toBeUndefined();
    }
    expect(host.requests).toHaveLength(0);
  });

  it('says in words why the host refused, without the token', async () => {
    const refused = github(
      'https://git.example.test/acme/platform-config.git',
      'wrong-token',
    ).open(proposal);
    await expect(refused).rejects.toThrow(
      'git.example.test refused to open the pull request: 401 Unauthorized (Bad credentials)',
    );
    const error = await refused.catch(e => e);
    expect(error.message).not.toContain('wrong-token');
  });

  it('names the existing request when the branch already has one', async () => {
    const opener = gitlab('https://gitlab.example.test/platform/config.git');
    await opener.open(proposal);
    await expect(opener.open(proposal)).rejects.toThrow(
      'gitlab.example.test refused to open the merge request: 409 Conflict (Another open merge request already exists for this source branch: !7)',
    );
    const github422 = github('https://git.example.test/acme/config.git');
    await github422.open(proposal);
    await expect(github422.open(proposal)).rejects.toThrow(
      `Validation Failed: A pull request already exists for acme:${proposal.head}.`,
    );
  });

  it('reports a host that cannot be reached', async () => {
    await host.stop();
    await expect(
      github('https://git.example.test/acme/platform-config.git').open(
        proposal,
      ),
    ).rejects.toThrow(
      'git.example.test could not be reached to open the pull request (connection failed)',
    );
    host = new FakeScmHost(TOKEN);
    await host.start();
  });
});
