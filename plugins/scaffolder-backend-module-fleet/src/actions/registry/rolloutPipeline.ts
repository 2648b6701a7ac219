import type { z as zod } from 'zod/v3';
import { promoteInputShape } from '../rollout/promoteSchema';
import type { Pipeline } from './pipeline';

/** The zod shape of the parameters of templates/promote-rollout/template.yaml: the promote input. */
export const rolloutParametersShape = promoteInputShape;

export type RolloutParameters = zod.infer<
  zod.ZodObject<ReturnType<typeof rolloutParametersShape>>
>;

/** The template's one step: promote, which checks the gate and proposes the wave's bumps. */
export const rolloutPipeline: Pipeline<RolloutParameters> = [
  {
    id: 'promote',
    action: 'fleet:rollout:promote',
    input: parameters => ({
      profile: parameters.profile,
      wave: parameters.wave,
      reason: parameters.reason,
    }),
  },
];
