import { mockCredentials } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { z } from 'zod/v3';
import { GitRemote } from '../../__testUtils__/gitRemote';
import {
  BAD_NAMESPACE_REQUESTS,
  seedPendingMerge,
} from '../namespace/__testUtils__/badRequests';
import {
  demoEntities,
  PLATFORM_CONFIG,
  validInput,
} from '../namespace/__testUtils__/fixtures';
import { namespaceParametersShape } from './namespacePipeline';
import {
  DEVON,
  MORGAN,
  startRequestBackend,
} from './__testUtils__/requestBackend';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const ACTION = 'fleet-request-tenant-namespace';

describe('scaffolder:fleet-request-tenant-namespace', () => {
  let repo: GitRemote;
  let context: Awaited<ReturnType<typeof startRequestBackend>>;

  beforeAll(async () => {
    repo = new GitRemote(PLATFORM_CONFIG);
    seedPendingMerge(repo);
    context = await startRequestBackend({ repo, entities: demoEntities() });
  });
  afterAll(async () => {
    await context?.backend.stop();
    repo?.remove();
  });

  const request = (input: object, user = DEVON) =>
    context.invoke(ACTION, input as any, user);

  it('commits a staging namespace to main, authored by the user, as the template does', async () => {
    const before = repo.commitCount('main');
    const output = await request(validInput({ namespace: 'checkout-agent' }));
    expect(output).toMatchObject({
      status: 'committed',
      mode: 'direct',
      namespace: 'checkout-agent',
      clusterRef: 'resource:default/stg-euw1-checkout-01',
      profileRef: 'clusterprofile:default/non-production',
      environment: 'staging',
      entityRef: 'resource:default/stg-euw1-checkout-01.checkout-agent',
      roles: ['edit'],
      branch: 'main',
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      requestedBy: DEVON,
      files: [
        'clusters/stg-euw1-checkout-01/namespaces/checkout-agent/manifests.yaml',
        'clusters/stg-euw1-checkout-01/namespaces/checkout-agent/namespace.yaml',
      ],
      entityUrl:
        'https://portal.example.com/catalog/default/resource/stg-euw1-checkout-01.checkout-agent',
    });
    expect(output.quota).toMatchObject({
      'requests.cpu': '2',
      'limits.cpu': '4',
    });
    expect(repo.commitCount('main')).toBe(before + 1);
    expect(repo.git('log', '-1', '--format=%an <%ae>', 'main').trim()).toBe(
      'Devon Clarke <devon.developer@acme.example>',
    );
    expect(repo.git('log', '-1', '--format=%B', 'main')).toContain(DEVON);
    expect(
      repo.git(
        'show',
        'main:clusters/stg-euw1-checkout-01/namespaces/checkout-agent/namespace.yaml',
      ),
    ).toContain('owner: group:default/team-checkout');
  });

  it('proposes a production namespace on a branch of its own; main is unchanged', async () => {
    const main = repo.git('rev-parse', 'main').trim();
    const output = await request(
      validInput({
        cluster: 'resource:default/prd-euw1-checkout-01',
        namespace: 'checkout-agent',
      }),
    );
    expect(output).toMatchObject({
      status: 'proposed',
      mode: 'propose',
      modeReason: expect.stringContaining('production'),
      branch: expect.stringMatching(
        /^fleet\/namespace\/prd-euw1-checkout-01\/[0-9a-f]{8}$/,
      ),
      requestedBy: DEVON,
    });
    expect(repo.git('rev-parse', 'main').trim()).toBe(main);
    expect(repo.branches()).toContain(output.branch);
    expect(
      repo.git(
        'show',
        `${output.branch}:clusters/prd-euw1-checkout-01/namespaces/checkout-agent/namespace.yaml`,
      ),
    ).toContain('name: prd-euw1-checkout-01.checkout-agent');
    expect(repo.git('log', '-1', '--format=%an', output.branch).trim()).toBe(
      'Devon Clarke',
    );
  });

  it('only checks a dry run: where it would land, and nothing written', async () => {
    const refs = repo.refs();
    const output = await request({
      ...validInput({ namespace: 'checkout-dry' }),
      dryRun: true,
    });
    expect(output).toMatchObject({
      status: 'checked',
      mode: 'direct',
      branch: 'main',
      namespace: 'checkout-dry',
    });
    expect(output.commit).toBeUndefined();
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a user without fleet.namespace.request, writing nothing', async () => {
    const refs = repo.refs();
    const error = await request(
      validInput({ namespace: 'morgans' }),
      MORGAN,
    ).catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe(
      'You are not allowed to request tenant namespaces (fleet.namespace.request)',
    );
    expect(repo.refs()).toBe(refs);
  });

  it('refuses a service principal: a change needs a person', async () => {
    const refs = repo.refs();
    await expect(
      context.registry.invoke({
        id: `test:${ACTION}`,
        input: validInput({ namespace: 'by-a-service' }) as any,
        credentials: mockCredentials.service('plugin:catalog'),
      }),
    ).rejects.toThrow(
      'Requests are made by a signed-in user: call with a user token',
    );
    expect(repo.refs()).toBe(refs);
  });

  describe('refuses what the template refuses, writing nothing', () => {
    // A case that leaves a field out or sets one the template's form does not offer (limits) is
    // refused by the action's input schema before any step runs; every other one by the steps.
    const offered = Object.keys(namespaceParametersShape(z));
    const bySchema = (overrides: Record<string, unknown>) =>
      Object.entries(overrides).some(
        ([field, value]) => value === undefined || !offered.includes(field),
      );
    const refuse = async (overrides: Record<string, unknown>) => {
      const refs = repo.refs();
      const input: Record<string, unknown> = { ...validInput(), ...overrides };
      for (const key of Object.keys(input)) {
        if (input[key] === undefined) delete input[key];
      }
      const error = await request(input).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect(repo.refs()).toBe(refs);
      return error;
    };

    it.each(BAD_NAMESPACE_REQUESTS.filter(([, o]) => !bySchema(o)))(
      '%s, with the message of the template',
      async (_, overrides, message) => {
        const error = await refuse(overrides);
        expect(error.message).toMatch(
          typeof message === 'string'
            ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            : message,
        );
      },
    );

    it.each(BAD_NAMESPACE_REQUESTS.filter(([, o]) => bySchema(o)))(
      '%s, with the schema error naming the field',
      async (_, overrides) => {
        const error = await refuse(overrides);
        expect(error.message).toMatch(
          new RegExp(`^Invalid input to action "test:${ACTION}"; caused by`),
        );
        expect(
          error.cause.issues.map(
            (issue: { path: string[]; keys?: string[] }) =>
              issue.keys?.[0] ?? issue.path[0],
          ),
        ).toContain(Object.keys(overrides)[0]);
      },
    );
  });

  it('reports every problem at once, naming each field', async () => {
    const error = await request(
      validInput({
        namespace: 'kube-x',
        costCenter: 'a b',
        quota: { pods: 'many' },
      }),
    ).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('namespace: "kube-x" is reserved');
    expect(error.message).toContain(
      'costCenter: "a b" is not a valid label value',
    );
    expect(error.message).toContain(
      'quota.pods: "many" is not a Kubernetes quantity',
    );
  });

  it('refuses a field it does not know instead of ignoring it', async () => {
    await expect(
      request({ ...validInput({ namespace: 'typo' }), dryrun: true }),
    ).rejects.toThrow(InputError);
  });

  it('is listed as an additive, non-idempotent write whose examples pass', async () => {
    const { actions } = await context.registry.list();
    const action = actions.find(a => a.name === ACTION)!;
    expect(action.attributes).toEqual({
      readOnly: false,
      destructive: false,
      idempotent: false,
    });
    expect((action.schema.input as any).required).toEqual(
      expect.arrayContaining([
        'cluster',
        'namespace',
        'team',
        'costCenter',
        'reason',
      ]),
    );
    const refs = repo.refs();
    for (const example of action.examples ?? []) {
      await expect(request(example.input)).resolves.toMatchObject({
        status: 'checked',
      });
    }
    expect(repo.refs()).toBe(refs);
  });
});
