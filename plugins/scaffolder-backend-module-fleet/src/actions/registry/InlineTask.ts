import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { UserEntity } from '@backstage/catalog-model';
import type { Config, JsonObject, JsonValue } from '@backstage/config';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

/** The user a task runs for, as the scaffolder gives it to actions (`ctx.user`). */
export type TaskUser = { ref: string; entity?: UserEntity };

/** A template action of any input and output. */
export type AnyTemplateAction = TemplateAction<any, any, any>;

/**
 * Runs template actions the way a scaffolder task runs a template's steps, for a request that
 * does not come through a template (an agent's, through the actions registry): one workspace for
 * all steps, the caller as the task's initiator and user, each step's outputs collected for the
 * next, checkpoints kept for the task, and the step's temporary directories removed after it.
 * Everything is removed when the task is closed.
 */
export class InlineTask {
  /** Where workspaces go: `backend.workingDirectory` as for scaffolder tasks, else the OS's. */
  static baseDirectory(config: Config): string {
    return config.getOptionalString('backend.workingDirectory') ?? os.tmpdir();
  }

  static async start(options: {
    credentials: BackstageCredentials;
    user: TaskUser;
    logger: LoggerService;
    baseDirectory: string;
  }): Promise<InlineTask> {
    const id = crypto.randomUUID();
    const workspacePath = await fs.mkdtemp(
      path.join(options.baseDirectory, `fleet-request-${id.slice(0, 8)}-`),
    );
    return new InlineTask(id, workspacePath, options);
  }

  readonly #checkpoints = new Map<string, JsonValue | void>();
  readonly #abort = new AbortController();

  private constructor(
    /** A task id, as the scaffolder's: proposal branches and render records carry it. */
    readonly id: string,
    readonly workspacePath: string,
    private readonly options: {
      credentials: BackstageCredentials;
      user: TaskUser;
      logger: LoggerService;
    },
  ) {}

  /** Runs one step and resolves with its outputs. */
  async run(
    stepId: string,
    action: AnyTemplateAction,
    input: JsonObject,
    { isDryRun = false }: { isDryRun?: boolean } = {},
  ): Promise<Record<string, any>> {
    const output: Record<string, JsonValue> = {};
    const temporaryDirectories: string[] = [];
    const { credentials, user, logger } = this.options;
    const checkpoints = this.#checkpoints;
    try {
      await action.handler({
        input,
        task: { id: this.id },
        logger: logger.child({
          task: this.id,
          step: stepId,
          action: action.id,
        }),
        workspacePath: this.workspacePath,
        async checkpoint({ key, fn }) {
          const id = `${stepId}.${key}`;
          if (!checkpoints.has(id)) {
            checkpoints.set(id, await fn());
          }
          return checkpoints.get(id) as any;
        },
        createTemporaryDirectory: async () => {
          const dir = await fs.mkdtemp(`${this.workspacePath}_step-${stepId}-`);
          temporaryDirectories.push(dir);
          return dir;
        },
        output(name: string, value: JsonValue) {
          output[name] = value;
        },
        user,
        isDryRun,
        signal: this.#abort.signal,
        getInitiatorCredentials: async () => credentials,
        step: { id: stepId, name: stepId },
      });
    } finally {
      await Promise.all(
        temporaryDirectories.map(dir =>
          fs.rm(dir, { recursive: true, force: true }),
        ),
      );
    }
    return output;
  }

  /** Stops what is still running and removes the workspace. */
  async close(): Promise<void> {
    this.#abort.abort();
    await fs.rm(this.workspacePath, { recursive: true, force: true });
  }
}
