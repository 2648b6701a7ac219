import type { z as zod } from 'zod/v3';

type Zod = typeof zod;

/**
 * The input of a promotion — fleet:rollout:promote's input and the parameters of
 * templates/promote-rollout/template.yaml, which the agent action passes on.
 */
export function promoteInputShape(z: Zod) {
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

/** One cluster a promotion moves, as both promote actions report it. */
export function promotedClusterSchema(z: Zod) {
  return z.object({
    name: z.string(),
    entityRef: z.string(),
    from: z.string(),
    to: z.string(),
    versionAllowed: z.boolean(),
    files: z.array(z.string()),
  });
}
