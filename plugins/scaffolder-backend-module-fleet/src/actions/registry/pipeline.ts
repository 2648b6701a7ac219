import type {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AnyTemplateAction, InlineTask, TaskUser } from './InlineTask';
import { taskUserOf } from './taskUser';

/** The outputs of the steps run so far, by step id (`steps.<id>.output` in a template). */
export type StepOutputs = Record<string, Record<string, any>>;

/** One step of a template: the action it runs and its input, from the parameters and earlier outputs. */
export type PipelineStep<P> = {
  id: string;
  action: string;
  input: (parameters: P, steps: StepOutputs) => JsonObject;
};

/** A template's steps in code, for requests that do not come through the template. */
export type Pipeline<P> = readonly PipelineStep<P>[];

/**
 * Runs the steps in order in the task with the registered template actions — the instances
 * the scaffolder runs for the template — and resolves with every step's outputs.
 */
export async function runPipeline<P>(
  task: InlineTask,
  pipeline: Pipeline<P>,
  actions: readonly AnyTemplateAction[],
  parameters: P,
  options: { isDryRun?: boolean } = {},
): Promise<StepOutputs> {
  const steps: StepOutputs = {};
  for (const step of pipeline) {
    const action = actions.find(a => a.id === step.action);
    if (!action) {
      throw new Error(`Action ${step.action} of step ${step.id} is not given`);
    }
    steps[step.id] = await task.run(
      step.id,
      action,
      withoutUndefined(step.input(parameters, steps)),
      options,
    );
  }
  return steps;
}

/** As a template renders a parameter that was not given: the key is absent. */
function withoutUndefined(input: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(input));
}

/**
 * Runs a template's steps as the calling user, in a task of its own (one workspace per request),
 * and hands the steps' outputs to `answer`; the task is closed whatever happens.
 */
export async function runAsCaller<P, R>(
  request: {
    credentials: BackstageCredentials;
    logger: LoggerService;
    deps: {
      auth: AuthService;
      catalog: CatalogService;
      workingDirectory: string;
    };
    pipeline: Pipeline<P>;
    actions: readonly AnyTemplateAction[];
    parameters: P;
    dryRun: boolean;
    describe: (user: TaskUser) => string;
  },
  answer: (steps: StepOutputs) => R,
): Promise<R> {
  const { credentials, logger, deps } = request;
  const user = await taskUserOf(credentials, deps);
  const task = await InlineTask.start({
    credentials,
    user,
    logger,
    baseDirectory: deps.workingDirectory,
  });
  try {
    logger.info(
      `${request.describe(user)} through the actions registry (task ${
        task.id
      })`,
    );
    const steps = await runPipeline(
      task,
      request.pipeline,
      request.actions,
      request.parameters,
      { isDryRun: request.dryRun },
    );
    return answer(steps);
  } finally {
    await task.close();
  }
}
