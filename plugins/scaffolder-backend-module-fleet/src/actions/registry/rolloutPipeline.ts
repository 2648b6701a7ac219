import type { z as zod } from 'zod/v3';
import type { Pipeline } from './pipeline';

type Zod = typeof zod;

/** The zod shape of the parameters of templates/promote-rollout/template.yaml. */
export function rolloutParametersShape(z: Zod) {
  return {
    profile: z
      .string()
      .describe(
        'The ClusterProfile whose rollout is promoted: its name or entity ref, e.g. clusterprofile:default/production',
      ),
    wave: z
      .string()
      .optional()
      .describe(
        'The wave to promote; refused unless it is the next wave (default: the next wave)',
      ),
    reason: z
      .string()
      .min(1)
      .describe(
        'Why now, e.g. the change ticket: recorded in the commit message',
      ),
  };
}

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
