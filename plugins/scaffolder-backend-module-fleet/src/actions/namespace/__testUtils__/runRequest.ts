import type { UserEntity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject } from '@backstage/types';
import { createNamespaceRenderAction } from '../renderAction';
import { createNamespaceValidateAction } from '../validateAction';
import {
  createPlatformRepoProposeAction,
  PlatformRepoProposeDeps,
} from '../../platformRepo/proposeAction';
import type { NamespaceRenderActionDeps } from '../renderAction';
import { DEVON } from './fixtures';

type User = { ref?: string; entity?: UserEntity };

/** A mock context that keeps outputs and checkpoints like the task worker does. */
export function actionContext(
  input: JsonObject,
  options: {
    user?: User;
    checkpoints?: Map<string, unknown>;
    isDryRun?: boolean;
    logs?: string[];
    taskId?: string;
  } = {},
) {
  const outputs: Record<string, any> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  const base = createMockActionContext({ input });
  const log = (level: string) => (message: string, meta?: unknown) =>
    options.logs?.push(
      `${level} ${message} ${meta ? JSON.stringify(meta) : ''}`,
    );
  const ctx = {
    ...base,
    input,
    user: options.user ?? DEVON,
    isDryRun: options.isDryRun,
    task: { id: options.taskId ?? '3f1c9a27-aaaa-bbbb-cccc-000000000001' },
    logger: {
      ...base.logger,
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      debug: log('debug'),
      child: () => ctx.logger,
    },
    getInitiatorCredentials: async () =>
      mockCredentials.user(options.user?.ref ?? DEVON.ref),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({ key, fn }: { key: string; fn: () => any }) => {
      if (checkpoints.has(key)) {
        return checkpoints.get(key);
      }
      const value = await fn();
      checkpoints.set(key, value);
      return value;
    },
  };
  return { ctx: ctx as any, outputs };
}

/**
 * Runs a tenant namespace request through the steps of the template: validate,
 * render, propose. Resolves with every step's outputs.
 */
export async function runNamespaceRequest(
  input: JsonObject,
  deps: NamespaceRenderActionDeps & PlatformRepoProposeDeps,
  options: Parameters<typeof actionContext>[1] = {},
) {
  const validate = actionContext(input, options);
  await createNamespaceValidateAction(deps).handler(validate.ctx);
  const render = actionContext(input, options);
  await createNamespaceRenderAction(deps).handler(render.ctx);
  const r = render.outputs;
  const proposeInput = {
    kind: 'namespace',
    cluster: r.clusterRef,
    files: r.files,
    expectAbsent: r.expectAbsent,
    integrity: r.integrity,
    title: r.title,
    reason: (input.reason as string) ?? '',
    entityRef: r.entityRef,
  };
  const propose = actionContext(proposeInput, options);
  await createPlatformRepoProposeAction(deps).handler(propose.ctx);
  return {
    validate: validate.outputs,
    render: r,
    propose: propose.outputs,
    workspacePath: render.ctx.workspacePath,
  };
}
