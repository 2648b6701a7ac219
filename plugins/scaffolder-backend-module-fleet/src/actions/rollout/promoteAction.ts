import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  GOVERNED_NAMESPACE,
  isDns1123Label,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { withPeopleFacingErrors } from '../peopleFacingErrors';
import {
  changeRequestOutputs,
  openProposalChangeRequest,
} from '../platformRepo/changeRequestStep';
import type { ChangeRequestOpener } from '../platformRepo/openChangeRequest';
import { requesterIdentity } from '../platformRepo/requester';
import { authorizePromotion } from './authorize';
import { buildPromotion } from './buildPromotion';
import { promoteExamples } from './examples';
import { planPromotion, type PromotionPlan } from './planPromotion';
import { promotionMessage, promotionTitle } from './promotionMessage';
import { promotedClusterSchema, promoteInputShape } from './promoteSchema';
import type { RolloutViewSource } from './RolloutViewClient';

export type RolloutPromoteDeps = {
  auth: AuthService;
  permissions: PermissionsService;
  /** The fleet backend's rollout views, read as the user. */
  rollouts: RolloutViewSource;
  writer?: Pick<
    PlatformRepoWriter,
    'readFiles' | 'commitFiles' | 'defaultBranch'
  >;
  /** Opens the pull/merge request of the proposal where the platform repository's host has them. */
  changeRequests?: ChangeRequestOpener;
  /** @defaultValue () => new Date() */
  now?: () => Date;
};

/**
 * `fleet:rollout:promote`: promotes the next wave of a profile's rollout as one proposal in the
 * platform repository, authored by the requesting user.
 *
 * The user must hold `fleet.rollout.promote`. The fleet backend's rollout view, read as the user,
 * decides: the wave is its next wave and the gate before it must be open (its verdict is
 * authoritative; closed or unknown refuses with the gate's reason). The proposal branch (new, one
 * per request) changes exactly that wave's clusters that are not on the target version yet:
 * `spec.profileVersion` → the profile's version and `spec.rollout.versionSince` → today, every
 * other byte of each `cluster.yaml` kept, and their existing provisioning files rendered again for
 * the new version. Nothing moves until the proposal is merged.
 */
export function createRolloutPromoteAction(deps: RolloutPromoteDeps) {
  const action = createTemplateAction({
    id: 'fleet:rollout:promote',
    description:
      "Proposes moving the next wave of a profile's rollout to the profile's version, when the gate before it is open: one branch in the platform repository, authored by the requesting user",
    examples: promoteExamples,
    supportsDryRun: true,
    schema: {
      input: z => z.object(promoteInputShape(z)),
      output: z =>
        z.object({
          branch: z.string().describe('The proposal branch'),
          url: z
            .string()
            .optional()
            .describe('The branch in the Git host, when it has one'),
          commit: z.string().describe('Empty for a dry run'),
          baseCommit: z.string(),
          profileRef: z.string(),
          targetVersion: z.string(),
          wave: z.string().describe('The wave promoted'),
          gate: z
            .string()
            .describe(
              'The verdict of the gate before the wave, in words ("none" for the first wave)',
            ),
          clusters: z
            .array(promotedClusterSchema(z))
            .describe('The clusters the proposal moves, with their files'),
          clusterNames: z.array(z.string()),
          outsideAllowedVersions: z
            .array(z.string())
            .describe(
              'Clusters whose current version the profile no longer allows (called out in the proposal)',
            ),
          files: z
            .array(z.string())
            .describe('Every file the proposal changes'),
          notes: z.array(z.string()).describe('What was left alone and why'),
          requestedBy: z.string(),
          summary: z
            .string()
            .describe('What happened and what happens next, in words'),
          changeRequestUrl: changeRequestOutputs.changeRequestUrl(z),
          changeRequestLabel: changeRequestOutputs.changeRequestLabel(z),
          changeRequestError: changeRequestOutputs.changeRequestError(z),
        }),
    },
    async handler(ctx) {
      const { input } = ctx;
      const credentials = await ctx.getInitiatorCredentials();
      const requestedBy = await authorizePromotion(deps, credentials);
      const writer = deps.writer;
      if (!writer) {
        throw new Error(
          'No platform repository is configured (fleetPortal.platformRepo or catalog.providers.fleetPlatformRepo)',
        );
      }
      const profileName = profileNameOf(input.profile);
      const view = await deps.rollouts.view(profileName, credentials);
      const plan = planPromotion(view, input.wave?.trim() || undefined);
      ctx.logger.info(`Gate: ${gateWords(plan)}`);
      const promotion = await buildPromotion({
        plan,
        repository: writer,
        today: (deps.now?.() ?? new Date()).toISOString().slice(0, 10),
        signal: ctx.signal,
      });
      const branch = promotionBranch(plan, ctx.task.id);
      const files = Object.keys(promotion.files).sort();
      const outside = promotion.clusters
        .filter(c => !c.versionAllowed)
        .map(c => c.name);
      for (const cluster of promotion.clusters) {
        ctx.logger.info(
          `${cluster.name}: ${cluster.from} -> ${
            cluster.to
          } (${cluster.files.join(', ')})`,
        );
      }
      if (outside.length > 0) {
        ctx.logger.warn(
          `Outside the profile's allowed versions (${[
            plan.targetVersion,
            ...view.allowedVersions,
          ].join(', ')}): ${promotion.clusters
            .filter(c => !c.versionAllowed)
            .map(c => `${c.name} on ${c.from || 'no version'}`)
            .join(', ')}`,
        );
      }
      for (const note of promotion.notes) {
        ctx.logger.info(`Left alone: ${note}`);
      }
      ctx.output('profileRef', plan.profileRef);
      ctx.output('targetVersion', plan.targetVersion);
      ctx.output('wave', plan.wave);
      ctx.output('gate', gateWords(plan));
      ctx.output('clusters', promotion.clusters);
      ctx.output(
        'clusterNames',
        promotion.clusters.map(c => c.name),
      );
      ctx.output('outsideAllowedVersions', outside);
      ctx.output('files', files);
      ctx.output('notes', promotion.notes);
      ctx.output('requestedBy', requestedBy);
      ctx.output('baseCommit', promotion.baseCommit);
      const title = promotionTitle(plan, promotion.clusters);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would propose on ${branch}: ${files.join(', ')}`,
        );
        ctx.output('branch', branch);
        ctx.output('commit', '');
        ctx.output(
          'summary',
          `Dry run: ${title} would be proposed on ${branch}; nothing was written.`,
        );
        return;
      }

      const message = promotionMessage({
        plan,
        clusters: promotion.clusters,
        notes: promotion.notes,
        reason: input.reason,
        requestedBy,
        taskId: ctx.task.id,
      });
      // A retried task must not propose twice: the first result is kept.
      const result = await ctx.checkpoint({
        key: `fleet-rollout-promote-${branch}`,
        fn: async () => {
          const r = await writer.commitFiles({
            files: promotion.files,
            mode: 'propose',
            branch,
            message,
            author: requesterIdentity(ctx.user ?? { ref: requestedBy }),
            expectBlobs: promotion.expectBlobs,
            signal: ctx.signal,
          });
          return {
            commit: r.commit,
            baseCommit: r.baseCommit,
            url: r.url ?? '',
          };
        },
      });
      const summary = `${title} is proposed on branch ${branch}: the clusters move to ${plan.targetVersion} when it is merged.`;
      ctx.logger.info(summary);
      ctx.output('branch', branch);
      ctx.output('commit', result.commit);
      ctx.output('baseCommit', result.baseCommit);
      if (result.url) {
        ctx.output('url', result.url);
      }
      ctx.output('summary', summary);
      await openProposalChangeRequest(ctx, deps.changeRequests, {
        mode: 'propose',
        head: branch,
        base: writer.defaultBranch,
        title,
        body: message,
      });
    },
  });
  return withPeopleFacingErrors(action);
}

/** The profile's entity name: the rollout API takes names of governed (default-namespace) profiles. */
function profileNameOf(value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value.trim(), {
      defaultKind: 'clusterprofile',
      defaultNamespace: GOVERNED_NAMESPACE,
    });
  } catch {
    throw new InputError(
      `profile: "${value}" is not a profile name or entity reference`,
    );
  }
  if (
    ref.kind.toLocaleLowerCase('en-US') !== 'clusterprofile' ||
    ref.namespace.toLocaleLowerCase('en-US') !== GOVERNED_NAMESPACE ||
    !isDns1123Label(ref.name)
  ) {
    throw new InputError(
      `profile: "${value}" is not a cluster profile of the platform repository (clusterprofile:${GOVERNED_NAMESPACE}/<name>)`,
    );
  }
  return ref.name;
}

function gateWords(plan: PromotionPlan): string {
  return plan.gate
    ? plan.gate.reason
    : `none: ${plan.wave} is the first wave of ${plan.profileName} ${plan.targetVersion}`;
}

/** One new branch per request: `fleet/rollout/<profile>/<version>/<wave>-<task>`. */
function promotionBranch(plan: PromotionPlan, taskId: string): string {
  const version = plan.targetVersion.replace(/[^A-Za-z0-9._-]/g, '-');
  return `fleet/rollout/${plan.profileName}/${version}/${
    plan.wave
  }-${taskId.slice(0, 8)}`;
}
