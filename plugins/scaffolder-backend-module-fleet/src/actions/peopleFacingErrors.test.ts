import { InputError } from '@backstage/errors';
import { mockServices } from '@backstage/backend-test-utils';
import {
  namespaceHarness,
  validInput,
} from './namespace/__testUtils__/fixtures';
import { actionContext } from './namespace/__testUtils__/runRequest';
import { createNamespaceValidateAction } from './namespace/validateAction';
import { withPeopleFacingErrors } from './peopleFacingErrors';

jest.setTimeout(60_000);

describe('errors people read', () => {
  it('a refused request shows the broken rule and field, no stack trace or server path', async () => {
    const harness = namespaceHarness();
    try {
      const logs: string[] = [];
      const { ctx } = actionContext(
        validInput({ namespace: 'kube-tools' }) as any,
        { logs },
      );
      const error = await createNamespaceValidateAction(harness.deps)
        .handler(ctx)
        .catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      // what the scaffolder writes to the task log: String(error.stack)
      expect(String(error.stack)).toBe(
        'InputError: The namespace request is invalid: namespace: "kube-tools" is reserved: the "kube-" prefix belongs to Kubernetes system namespaces',
      );
      expect(logs.join('\n')).toMatch(
        /^debug fleet:namespace:validate failed: InputError[\s\S]*\n\s+at /,
      );
    } finally {
      harness.repo.remove();
    }
  });

  it('keeps what a step returns and the error it throws', async () => {
    const logger = mockServices.logger.mock();
    const ok = withPeopleFacingErrors({ id: 'x', handler: async (_ctx: unknown) => {} });
    await expect(ok.handler({ logger })).resolves.toBeUndefined();
    const failing = withPeopleFacingErrors({
      id: 'x',
      handler: async (_ctx: unknown) => {
        throw new TypeError('boom');
      },
    });
    const error = await failing.handler({ logger }).catch(e => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.stack).toBe('TypeError: boom');
  });
});
