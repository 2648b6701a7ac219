import type { z as zod } from 'zod/v3';
import type { ChangeMode } from '../platformRepo/changeMode';

type Zod = typeof zod;

/**
 * The outputs every namespace render step (request, change, give back) hands to
 * fleet:platform-repo:propose besides its files and render record.
 */
export const namespaceProposalOutputs = {
  entityRef: (z: Zod) => z.string(),
  clusterRef: (z: Zod) => z.string(),
  namespace: (z: Zod) => z.string(),
  title: (z: Zod) => z.string().describe('Commit title'),
  mode: (z: Zod) => z.enum(['propose', 'direct']),
  modeReason: (z: Zod) => z.string(),
};

export type NamespaceProposal = {
  entityRef: string;
  clusterRef: string;
  namespace: string;
  title: string;
  mode: ChangeMode;
};

/** Outputs `namespaceProposalOutputs`. */
export function outputNamespaceProposal(
  ctx: { output(name: string, value: unknown): void },
  proposal: NamespaceProposal,
): void {
  ctx.output('entityRef', proposal.entityRef);
  ctx.output('clusterRef', proposal.clusterRef);
  ctx.output('namespace', proposal.namespace);
  ctx.output('title', proposal.title);
  ctx.output('mode', proposal.mode.mode);
  ctx.output('modeReason', proposal.mode.reason);
}
