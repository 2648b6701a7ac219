import { InputError, NotAllowedError } from '@backstage/errors';
import {
  BAD_NAMESPACE_REQUESTS,
  seedPendingMerge,
} from './__testUtils__/badRequests';
import { namespaceHarness, validInput } from './__testUtils__/fixtures';
import { runNamespaceRequest } from './__testUtils__/runRequest';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const CORPUS = BAD_NAMESPACE_REQUESTS;

describe('bad namespace requests', () => {
  const harness = namespaceHarness();
  let refsBefore: string;

  beforeAll(() => {
    seedPendingMerge(harness.repo);
    refsBefore = harness.repo.refs();
  });
  afterAll(() => harness.repo.remove());

  it('has at least 20 cases', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(20);
  });

  it.each(CORPUS)(
    'rejects %s, naming the field',
    async (_, overrides, message) => {
      const input = { ...validInput(), ...overrides } as Record<
        string,
        unknown
      >;
      for (const key of Object.keys(input)) {
        if (input[key] === undefined) delete input[key];
      }
      const error = await runNamespaceRequest(input as any, harness.deps).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(InputError);
      const pattern =
        typeof message === 'string'
          ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          : message;
      expect(error.message).toMatch(pattern);
      expect(harness.repo.refs()).toBe(refsBefore);
    },
  );

  it('reports every missing field at once', async () => {
    const error = await runNamespaceRequest(
      { namespace: 'ok-name' } as any,
      harness.deps,
    ).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    for (const field of ['cluster', 'team', 'costCenter', 'reason']) {
      expect(error.message).toContain(`${field}: is required`);
    }
    expect(harness.repo.refs()).toBe(refsBefore);
  });

  it('reports independent problems together', async () => {
    const error = await runNamespaceRequest(
      validInput({
        namespace: 'kube-x',
        costCenter: 'a b',
        quota: { pods: 'many' },
      }) as any,
      harness.deps,
    ).catch(e => e);
    expect(error.message).toContain('namespace: "kube-x" is reserved');
    expect(error.message).toContain(
      'costCenter: "a b" is not a valid label value',
    );
    expect(error.message).toContain(
      'quota.pods: "many" is not a Kubernetes quantity',
    );
  });

  it('refuses a user without the fleet.namespace.request permission', async () => {
    const denied = namespaceHarness({ allow: false });
    try {
      const before = denied.repo.refs();
      await expect(
        runNamespaceRequest(validInput() as any, denied.deps),
      ).rejects.toThrow(NotAllowedError);
      expect(denied.repo.refs()).toBe(before);
    } finally {
      denied.repo.remove();
    }
  });
});
