import fs from 'node:fs';
import path from 'node:path';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { fleetClusterRetirePermission } from '@fleet-portal/plugin-fleet-common';
import { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import yaml from 'yaml';
import { FleetCatalog } from '../../catalog/FleetCatalog';
import { GitRemote } from '../../__testUtils__/gitRemote';
import { DEVON, PRIYA, priya } from '../../__testUtils__/users';
import {
  fromPlatformRepo,
  TEST_PLATFORM_REPO,
} from '../../__testUtils__/provenance';
import { createFleetClusterRetireAction } from './retireAction';
import { retireExamples } from './retireExamples';
import { BAD_RETIREMENTS, validRetirement } from './__testUtils__/badRequests';
import { demoCatalogEntities, TODAY } from './__testUtils__/fixtures';

// Retiring the demo edge cluster against a real bare repository seeded with its folder.
const examples = path.resolve(
  __dirname,
  '../../../../../examples/platform-config',
);
const CLUSTER = 'edg-ber01-store-01';
const SEEDED = [
  'profiles/edge/profile.yaml',
  `clusters/${CLUSTER}/cluster.yaml`,
  `clusters/${CLUSTER}/namespaces/pos/namespace.yaml`,
];
const TASK = 'c0ffee12-3456-4789-abcd-ef0123456789';
const BRANCH = `fleet/cluster/${CLUSTER}/c0ffee12`;

describe('fleet:cluster:retire (real Git)', () => {
  let repo: GitRemote;

  beforeEach(() => {
    repo = new GitRemote(
      Object.fromEntries(
        SEEDED.map(file => [
          file,
          fs.readFileSync(path.join(examples, file), 'utf8'),
        ]),
      ),
    );
  });
  afterEach(() => repo.remove());

  function setup(allowed = true) {
    const permissions = mockServices.permissions.mock({
      authorize: jest.fn(async requests =>
        requests.map(() => ({
          result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        })),
      ),
    });
    const namespace = yaml.parse(
      fs.readFileSync(path.join(examples, SEEDED[2]), 'utf8'),
    );
    const action = createFleetClusterRetireAction({
      catalog: new FleetCatalog(
        catalogServiceMock({
          entities: [...demoCatalogEntities(), fromPlatformRepo(namespace)],
        }),
        [TEST_PLATFORM_REPO],
      ),
      permissions,
      writer: new PlatformRepoWriter({ remote: repo.remote }),
      now: () => TODAY,
    });
    return { action, permissions };
  }

  async function run(
    input: Record<string, unknown>,
    options: { allowed?: boolean; user?: string; isDryRun?: boolean } = {},
  ) {
    const { action, permissions } = setup(options.allowed ?? true);
    const user = options.user ?? PRIYA;
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        user: { ref: user, entity: user === PRIYA ? priya : undefined },
        task: { id: TASK },
      }),
      isDryRun: options.isDryRun,
      getInitiatorCredentials: async () => mockCredentials.user(user),
    };
    await action.handler(ctx as any);
    return {
      output: Object.fromEntries((ctx.output as jest.Mock).mock.calls),
      permissions,
    };
  }

  it('marks the cluster retiring on its own proposal branch, authored as the requester with the reason', async () => {
    const main = repo.git('rev-parse', 'main').trim();
    const { output } = await run(validRetirement());
    expect(output).toEqual({
      clusterRef: `resource:default/${CLUSTER}`,
      mode: 'mark',
      branch: BRANCH,
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      changed: [`clusters/${CLUSTER}/cluster.yaml`],
      deleted: [],
      retireBy: '2026-09-30',
      requestedBy: PRIYA,
    });
    expect(repo.git('rev-parse', 'main').trim()).toBe(main);
    expect(repo.git('rev-parse', BRANCH).trim()).toBe(output.commit);

    const file = repo.git('show', `${BRANCH}:clusters/${CLUSTER}/cluster.yaml`);
    const entity = yaml.parse(file);
    expect(entity.spec.lifecycle).toBe('deprecated');
    expect(entity.spec.lifetime).toEqual({
      class: 'long-lived',
      created: '2025-10-06',
      reviewBy: '2027-10-04',
      retireBy: '2026-09-30',
      retiring: {
        reason: 'The Berlin 01 store closes at the end of September',
        requestedBy: PRIYA,
        requestedAt: '2026-05-15',
      },
    });
    // the rest of the file, comments included, is untouched
    expect(file).toContain('# EDGE SITE: single-node k3s in a store');
    expect(entity.spec.network.podCidr).toBe('172.16.0.0/22');

    const log = repo.git('log', '-1', '--format=%an <%ae>%n%B', BRANCH);
    expect(log).toContain('Priya Raman <priya.platform@acme.example>');
    expect(log).toContain(`Retire cluster ${CLUSTER} by 2026-09-30`);
    expect(log).toContain(
      'Reason: The Berlin 01 store closes at the end of September',
    );
    expect(log).toContain(`Requested-by: ${PRIYA}`);
    expect(log).toContain(`Scaffolder-task: ${TASK}`);
  });

  it('removes the cluster folder, namespaces included, as a proposal', async () => {
    const { output } = await run({
      cluster: CLUSTER,
      mode: 'remove',
      reason: 'De-provisioned with Cluster API on 2026-05-14',
    });
    expect(output.deleted).toEqual([
      `clusters/${CLUSTER}/cluster.yaml`,
      `clusters/${CLUSTER}/namespaces/pos/namespace.yaml`,
    ]);
    const onBranch = repo.git('ls-tree', '-r', '--name-only', BRANCH);
    expect(onBranch).not.toContain(`clusters/${CLUSTER}/`);
    expect(onBranch).toContain('profiles/edge/profile.yaml');
    expect(repo.git('ls-tree', '-r', '--name-only', 'main')).toContain(
      `clusters/${CLUSTER}/cluster.yaml`,
    );
    expect(repo.git('log', '-1', '--format=%B', BRANCH)).toContain(
      `Remove cluster ${CLUSTER} from the fleet`,
    );
  });

  it('writes nothing in a dry run, and says what it would do', async () => {
    const refs = repo.refs();
    const { output } = await run(validRetirement(), { isDryRun: true });
    expect(output).toMatchObject({ branch: BRANCH, commit: '' });
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a user without fleet.cluster.retire before reading anything, and writes nothing', async () => {
    const refs = repo.refs();
    const attempt = run(validRetirement(), { allowed: false, user: DEVON });
    await expect(attempt).rejects.toThrow(
      new NotAllowedError(
        `${DEVON} may not retire clusters: the permission fleet.cluster.retire is not granted (platform owners retire clusters)`,
      ),
    );
    expect(repo.refs()).toBe(refs);
  });

  it('checks fleet.cluster.retire with the initiating user’s credentials', async () => {
    const { permissions } = await run(validRetirement());
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: fleetClusterRetirePermission }],
      { credentials: mockCredentials.user(PRIYA) },
    );
  });

  it('refuses when the file changed on main since the catalog read it (never overwrites unseen)', async () => {
    // a concurrent change lands on main between read and commit: the writer re-checks the blob
    const { action } = setup();
    const writer = new PlatformRepoWriter({ remote: repo.remote });
    const file = `clusters/${CLUSTER}/cluster.yaml`;
    const ctx = {
      ...createMockActionContext({
        input: validRetirement() as any,
        user: { ref: PRIYA, entity: priya },
        task: { id: TASK },
      }),
      getInitiatorCredentials: async () => mockCredentials.user(PRIYA),
      async checkpoint({ fn }: { fn: () => Promise<unknown> }) {
        await writer.commitFiles({
          mode: 'direct',
          files: { [file]: `${repo.show('main', file)}# reviewed\n` },
          message: 'concurrent edit',
          author: { name: 'Someone', email: 'someone@acme.example' },
        });
        return fn();
      },
    };
    await expect(action.handler(ctx as any)).rejects.toThrow(file);
    expect(repo.branches()).toEqual(['main']);
  });

  it.each(BAD_RETIREMENTS)(
    'refuses %s with a message naming the field, and writes nothing',
    async (_name, change, field) => {
      const refs = repo.refs();
      const attempt = run({ ...validRetirement(), ...change });
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(
        new RegExp(`^The retirement request is invalid: .*${field}: `),
      );
      const error: Error = await attempt.catch(e => e);
      expect(error.stack).toBe(`InputError: ${error.message}`);
      expect(repo.refs()).toBe(refs);
    },
  );

  it.each(retireExamples.map(e => [e.description, e] as const))(
    'runs the example "%s"',
    async (_description, example) => {
      const { steps } = yaml.parse(example.example);
      const input = {
        ...steps[0].input,
        cluster: `resource:default/${CLUSTER}`,
        ...(steps[0].input.retireBy && { retireBy: '2026-09-30' }),
      };
      const { output } = await run(input);
      expect(output.branch).toBe(BRANCH);
    },
  );
});
