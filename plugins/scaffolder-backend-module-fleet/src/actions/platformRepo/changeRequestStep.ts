import type { LoggerService } from '@backstage/backend-plugin-api';
import type { z } from 'zod/v3';
import type { ChangeRequestOpener } from './openChangeRequest';

/** Outputs of fleet:platform-repo:propose about the pull or merge request of a proposal. */
export const changeRequestOutputs = {
  changeRequestUrl: (zod: typeof z) =>
    zod
      .string()
      .optional()
      .describe(
        'The pull or merge request of a proposal, where the host has them',
      ),
  changeRequestLabel: (zod: typeof z) =>
    zod
      .string()
      .optional()
      .describe('"Pull request #12" or "Merge request !7"'),
  changeRequestError: (zod: typeof z) =>
    zod
      .string()
      .optional()
      .describe(
        'Why the pull or merge request could not be opened (the branch is pushed all the same)',
      ),
};

type StepContext = {
  logger: LoggerService;
  signal?: AbortSignal;
  output(name: string, value: unknown): void;
  checkpoint<T extends { url: string; label: string } | null>(options: {
    key: string;
    fn: () => Promise<T>;
  }): Promise<T>;
};

/**
 * After a proposal branch is pushed: opens its pull or merge request where the platform
 * repository's host has them and outputs its address and label. A failure never fails the step —
 * the branch exists and is the proposal; the output says why there is no request. A retried task
 * reuses the request it opened (checkpoint); a failed attempt is tried again.
 */
export async function openProposalChangeRequest(
  ctx: StepContext,
  opener: ChangeRequestOpener | undefined,
  proposal: {
    mode: string;
    head: string;
    base: string;
    title: string;
    body: string;
  },
): Promise<void> {
  if (!opener || proposal.mode !== 'propose') {
    return;
  }
  try {
    const opened = await ctx.checkpoint({
      key: `fleet-change-request-${proposal.head}`,
      fn: async () =>
        (await opener.open({ ...proposal, signal: ctx.signal })) ?? null,
    });
    if (opened) {
      ctx.output('changeRequestUrl', opened.url);
      ctx.output('changeRequestLabel', opened.label);
      ctx.logger.info(`${opened.label} opened: ${opened.url}`);
    }
  } catch (error) {
    const reason = (error as Error)?.message ?? String(error);
    ctx.output('changeRequestError', reason);
    ctx.logger.warn(
      `The proposal is on branch ${proposal.head}, but its pull or merge request could not be opened: ${reason}`,
    );
  }
}
