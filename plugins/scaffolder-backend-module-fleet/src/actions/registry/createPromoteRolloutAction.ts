import type { RequestActionOptions } from './requestActionOptions';
import { authorizePromotion } from '../rollout/authorize';
import { promotedClusterSchema } from '../rollout/promoteSchema';
import { runAsCaller } from './pipeline';
import { rolloutParametersShape, rolloutPipeline } from './rolloutPipeline';

/**
 * `scaffolder:fleet-promote-rollout`: promotes the next wave of a profile's rollout as the
 * calling user, through the step of the promote-rollout template — the very fleet:rollout:promote
 * action instance the scaffolder runs: the same permission, gate re-check and proposal.
 */
export function createPromoteRolloutAction(options: RequestActionOptions) {
  const { actionsRegistry, templateActions } = options;
  actionsRegistry.register({
    name: 'fleet-promote-rollout',
    title: "Promote the next wave of a profile's rollout",
    description: `Promotes the next wave of a cluster profile's rollout, as the portal's "Promote a profile rollout" template does, as the calling user: the same permission (fleet.rollout.promote, platform owners) and the same checks.
The fleet backend judges the gate before the wave from the fleet's health history (fleet.get-rollout shows it); only an open gate lets the wave be promoted. A closed gate, or one that cannot be judged because health data is missing, refuses with the gate's reason. Waves are promoted in order: a named wave must be the next one.
The result is a proposal: one new branch in the platform Git repository, authored by the user, that sets spec.profileVersion (and spec.rollout.versionSince) of exactly the wave's clusters that are behind and renders their provisioning files again. Nothing changes on a cluster until the proposal is merged. Clusters whose current version the profile no longer allows are called out.
Use dryRun: true to check the gate and see which clusters and files would change, without writing anything.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z
          .object({
            ...rolloutParametersShape(z),
            dryRun: z
              .boolean()
              .optional()
              .describe(
                'Only check the gate and list the changes; writes nothing',
              ),
          })
          .strict(),
      output: z =>
        z.object({
          status: z
            .enum(['proposed', 'checked'])
            .describe(
              'proposed: on a branch for review; checked: a dry run, nothing written',
            ),
          summary: z.string().describe('What happened and what happens next'),
          profileRef: z.string(),
          targetVersion: z.string(),
          wave: z.string(),
          gate: z.string().describe("The gate's verdict, in words"),
          clusters: z
            .array(promotedClusterSchema(z))
            .describe('The clusters the proposal moves'),
          outsideAllowedVersions: z.array(z.string()),
          branch: z.string(),
          commit: z.string().optional().describe('Absent for a dry run'),
          url: z
            .string()
            .optional()
            .describe(
              'The pull/merge request, or the branch in the Git host, when it has one',
            ),
          files: z.array(z.string()),
          requestedBy: z.string(),
          profileUrl: z.string().describe('The profile page in the portal'),
        }),
    },
    examples: [
      {
        title: 'Check whether the next wave of production may be promoted',
        input: {
          profile: 'clusterprofile:default/production',
          reason: 'Canary clusters ran the new version for a week',
          dryRun: true,
        },
      },
    ],
    action: async ({ input, credentials, logger }) => {
      const { dryRun = false, ...parameters } = input;
      // before anything is read: refused users learn nothing about the rollout
      await authorizePromotion(options, credentials);
      return runAsCaller(
        {
          credentials,
          logger,
          deps: options,
          pipeline: rolloutPipeline,
          actions: templateActions,
          parameters,
          dryRun,
          describe: user =>
            `Promotion of ${parameters.profile} requested by ${user.ref}`,
        },
        ({ promote }) => ({
          output: {
            status: dryRun ? ('checked' as const) : ('proposed' as const),
            summary: promote.summary,
            profileRef: promote.profileRef,
            targetVersion: promote.targetVersion,
            wave: promote.wave,
            gate: promote.gate,
            clusters: promote.clusters,
            outsideAllowedVersions: promote.outsideAllowedVersions,
            branch: promote.branch,
            commit: promote.commit || undefined,
            url: promote.changeRequestUrl || promote.url || undefined,
            files: promote.files,
            requestedBy: promote.requestedBy,
            profileUrl: options.entityPageUrl(promote.profileRef),
          },
        }),
      );
    },
  });
}
