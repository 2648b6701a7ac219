import { InputError, NotAllowedError } from '@backstage/errors';
import { GitRemote } from '../../__testUtils__/gitRemote';
import {
  demoEntities,
  PLATFORM_CONFIG,
} from '../namespace/__testUtils__/fixtures';
import {
  DEVON,
  PRIYA,
  startCidrApiFake,
  startRequestBackend,
} from './__testUtils__/requestBackend';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const ACTION = 'fleet-request-cluster';

/** A date `months` from now, YYYY-MM-DD: the rules are judged on the real today. */
function monthsAhead(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** The parameters of the new-cluster template for a new edge store cluster. */
function edgeCluster(overrides: Record<string, unknown> = {}) {
  return {
    name: 'edg-ber03-store-01',
    profile: 'clusterprofile:default/edge',
    owner: 'group:default/team-checkout',
    purpose: 'Point of sale in the Berlin Mitte store',
    environment: 'edge',
    environmentGroup: 'far-edge',
    region: 'eu-central-1',
    site: 'ber03',
    lifetimeClass: 'long-lived',
    reviewBy: monthsAhead(6),
    ...overrides,
  };
}

describe('scaffolder:fleet-request-cluster', () => {
  let repo: GitRemote;
  let cidrApi: Awaited<ReturnType<typeof startCidrApiFake>>;
  let context: Awaited<ReturnType<typeof startRequestBackend>>;

  beforeAll(async () => {
    repo = new GitRemote(PLATFORM_CONFIG);
    cidrApi = await startCidrApiFake();
    context = await startRequestBackend({
      repo,
      entities: demoEntities(),
      cidrApiUrl: cidrApi.url,
    });
  });
  afterAll(async () => {
    await context?.backend.stop();
    await cidrApi?.stop();
    repo?.remove();
  });

  const request = (input: object, user = PRIYA) =>
    context.invoke(ACTION, input as any, user);

  it('reserves the CIDRs and proposes the cluster on its branch, authored by the user', async () => {
    const main = repo.git('rev-parse', 'main').trim();
    const output = await request(edgeCluster());
    expect(output).toMatchObject({
      status: 'proposed',
      name: 'edg-ber03-store-01',
      clusterEntityRef: 'resource:default/edg-ber03-store-01',
      profileRef: 'clusterprofile:default/edge',
      ownerRef: 'group:default/team-checkout',
      podCidr: '172.16.4.0/22',
      serviceCidr: '172.24.1.0/24',
      reservationId: 'reservation-1',
      branch: expect.stringMatching(
        /^fleet\/cluster\/edg-ber03-store-01\/[0-9a-f-]{8}$/,
      ),
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      requestedBy: PRIYA,
      profileUrl:
        'https://portal.example.com/catalog/default/clusterprofile/edge',
    });
    expect(output.files).toContain('clusters/edg-ber03-store-01/cluster.yaml');
    // reserved in the user's name, with the module's own service token
    expect(cidrApi.reservations().map(r => r.body)).toEqual([
      expect.objectContaining({
        cluster: 'edg-ber03-store-01',
        profileRef: 'clusterprofile:default/edge',
        requestedBy: PRIYA,
        // the reservation follows this request's own proposal branch
        proposalBranch: output.branch,
      }),
    ]);
    expect(repo.git('rev-parse', 'main').trim()).toBe(main);
    const entity = repo.git(
      'show',
      `${output.branch}:clusters/edg-ber03-store-01/cluster.yaml`,
    );
    expect(entity).toContain('podCidr: 172.16.4.0/22');
    expect(
      repo.git('log', '-1', '--format=%an <%ae>', output.branch).trim(),
    ).toBe('Priya Raman <priya.platform@acme.example>');
  });

  it('only previews the CIDRs in a dry run, and writes nothing', async () => {
    const refs = repo.refs();
    const reserved = cidrApi.reservations().length;
    const output = await request(
      edgeCluster({ name: 'edg-ham02-store-01', site: 'ham02', dryRun: true }),
    );
    expect(output).toMatchObject({
      status: 'checked',
      name: 'edg-ham02-store-01',
      branch: expect.stringMatching(
        /^fleet\/cluster\/edg-ham02-store-01\/[0-9a-f-]{8}$/,
      ),
    });
    expect(output.commit).toBeUndefined();
    expect(output.reservationId).toBeUndefined();
    expect(cidrApi.reservations()).toHaveLength(reserved);
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a user who may not request clusters: nothing reserved or written', async () => {
    const refs = repo.refs();
    const requests = cidrApi.requests.length;
    const error = await request(
      edgeCluster({ name: 'edg-ber04-store-01' }),
      DEVON,
    ).catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toContain('fleet.cluster.request');
    expect(cidrApi.requests).toHaveLength(requests);
    expect(repo.refs()).toBe(refs);
  });

  it.each([
    ['a name off the naming pattern', { name: 'store-ber-1' }, 'name'],
    [
      'a review date over a year ahead',
      { reviewBy: monthsAhead(14) },
      'lifetime.reviewBy',
    ],
    [
      'too many control plane nodes',
      { controlPlaneNodes: 3 },
      'nodes.controlPlane',
    ],
    ['a name already in the catalog', { name: 'edg-ber01-store-01' }, 'name'],
    [
      'an unknown profile',
      { profile: 'clusterprofile:default/anything' },
      'profile',
    ],
  ])(
    'refuses %s as the template does, naming the field, with nothing reserved or written',
    async (_, overrides, field) => {
      const refs = repo.refs();
      const requests = cidrApi.requests.length;
      const error = await request(edgeCluster(overrides)).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(`${field}:`);
      expect(cidrApi.requests).toHaveLength(requests);
      expect(repo.refs()).toBe(refs);
    },
  );

  it('refuses input that does not fit the schema', async () => {
    await expect(request(edgeCluster({ environment: 'moon' }))).rejects.toThrow(
      InputError,
    );
    await expect(request({ name: 'edg-ber05-store-01' })).rejects.toThrow(
      InputError,
    );
  });

  it('is listed as an additive, non-idempotent write whose examples pass', async () => {
    const { actions } = await context.registry.list();
    const action = actions.find(a => a.name === ACTION)!;
    expect(action.attributes).toEqual({
      readOnly: false,
      destructive: false,
      idempotent: false,
    });
    for (const example of action.examples ?? []) {
      // the example's review date is fixed; move it to within the year from today
      const input = { ...example.input, reviewBy: monthsAhead(6) };
      await expect(request(input)).resolves.toMatchObject({
        status: 'checked',
      });
    }
  });
});
