import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';

/**
 * The scaffolder shows a failed step's `error.stack` in the task log, which people read: a
 * stack names server paths and says nothing about what to fix. The error the step throws keeps
 * its name and message — for our InputErrors the broken rules, field by field — as its whole
 * "stack"; the real stack goes to the backend log at debug level.
 */
export function withPeopleFacingErrors<
  A extends {
    id: string;
    handler: (ctx: any) => Promise<void>;
  },
>(action: A): A {
  const handler = action.handler;
  return {
    ...action,
    async handler(ctx: { logger: LoggerService }) {
      try {
        await handler(ctx);
      } catch (error) {
        throw peopleFacing(error, ctx.logger, action.id);
      }
    },
  };
}

/** The error with its stack reduced to `<name>: <message>`, the stack logged at debug level. */
export function peopleFacing(
  error: unknown,
  logger: LoggerService,
  actionId: string,
): unknown {
  if (!isError(error)) {
    return error;
  }
  logger.debug(`${actionId} failed: ${error.stack ?? error.message}`);
  const stripped = error as Error;
  stripped.stack = `${error.name}: ${error.message}`;
  return stripped;
}
