import type { PermissionsService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkClusterRetirement,
  clusterRefOf,
  formatCalendarDate,
  formatRequestIssues,
  isClusterEntity,
  RETIREMENT_MODES,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import type { FleetCatalog } from '../../catalog/FleetCatalog';
import { withPeopleFacingErrors } from '../peopleFacingErrors';
import { commitMessage } from '../platformRepo/commitMessage';
import { proposalBranchName } from '../platformRepo/proposalBranchName';
import { requesterIdentity } from '../platformRepo/requester';
import { authorizeClusterRetirement } from './authorize';
import { retireExamples } from './retireExamples';
import {
  clusterFile,
  clusterFolder,
  retirementChange,
} from './retirementChange';

export type ClusterRetireDeps = {
  catalog: FleetCatalog;
  permissions: PermissionsService;
  writer?: Pick<
    PlatformRepoWriter,
    'readFiles' | 'commitFiles' | 'defaultBranch'
  >;
  /** @defaultValue () => new Date() */
  now?: () => Date;
};

const MODE = {
  mode: 'propose' as const,
  reason: 'retiring a cluster is always proposed for review',
};

/**
 * `fleet:cluster:retire` — a platform owner retires a governed cluster, always as a proposal
 * authored as them with the reason in the commit: `mark` sets its retire-by date, `lifecycle:
 * deprecated` and `spec.lifetime.retiring` (who, when, why); `remove` deletes its folder, after
 * which the catalog drops it and fleet-backend releases its CIDRs after the grace period.
 */
export function createFleetClusterRetireAction(deps: ClusterRetireDeps) {
  const action = createTemplateAction({
    id: 'fleet:cluster:retire',
    description:
      'Retires a cluster as a proposal in the platform repository: marks it retiring by a date, or removes its folder',
    examples: retireExamples,
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          cluster: z
            .string()
            .describe(
              'The cluster entity ref, e.g. resource:default/stg-euw1-search-01',
            ),
          mode: z
            .enum(RETIREMENT_MODES)
            .describe(
              'mark: keep it, with a retire-by date; remove: delete its folder (its namespaces too)',
            ),
          retireBy: z
            .string()
            .optional()
            .describe(
              'YYYY-MM-DD, required to mark: from tomorrow, never after its current retire-by date',
            ),
          reason: z
            .string()
            .describe(
              'Why the cluster is retired: recorded in the file and the commit',
            ),
        }),
      output: z =>
        z.object({
          clusterRef: z.string(),
          mode: z.enum(RETIREMENT_MODES),
          branch: z.string().describe('The proposal branch'),
          commit: z.string().describe('Empty in a dry run'),
          url: z.string().optional(),
          changed: z.array(z.string()).describe('Files changed'),
          deleted: z.array(z.string()).describe('Files removed'),
          retireBy: z.string().optional(),
          requestedBy: z.string(),
        }),
    },
    async handler(ctx) {
      const credentials = await ctx.getInitiatorCredentials();
      const requestedBy = ctx.user?.ref;
      await authorizeClusterRetirement(
        deps.permissions,
        credentials,
        requestedBy,
      );
      if (!requestedBy) {
        throw new InputError('user: retiring a cluster needs a signed-in user');
      }
      const writer = deps.writer;
      if (!writer) {
        throw new Error(
          'No platform repository is configured (fleetPortal.platformRepo or catalog.providers.fleetPlatformRepo)',
        );
      }
      const { input } = ctx;
      const now = (deps.now ?? (() => new Date()))();
      const ref = clusterRefOf(input.cluster) ?? input.cluster;
      const cluster = input.cluster.trim()
        ? await deps.catalog.cluster(ref, credentials)
        : undefined;
      const profileRef =
        cluster && isClusterEntity(cluster) ? cluster.spec.profile : undefined;
      const profile = profileRef
        ? await deps.catalog.profile(profileRef, credentials)
        : undefined;
      const issues = checkClusterRetirement(input, cluster, profile, now);
      if (issues.length > 0) {
        throw new InputError(formatRequestIssues('retirement', issues));
      }
      const name = cluster!.metadata.name;
      const clusterRef = stringifyEntityRef(cluster!);
      const read = await writer.readFiles(
        [input.mode === 'remove' ? clusterFolder(name) : clusterFile(name)],
        { signal: ctx.signal },
      );
      const change = retirementChange({
        name,
        request: input,
        requestedBy,
        today: formatCalendarDate(now),
        read: read.files,
      });
      const branch = proposalBranchName('cluster', name, ctx.task.id);
      const title =
        input.mode === 'remove'
          ? `Remove cluster ${name} from the fleet`
          : `Retire cluster ${name} by ${input.retireBy!.trim()}`;
      const changed = Object.keys(change.files);
      ctx.output('clusterRef', clusterRef);
      ctx.output('mode', input.mode);
      ctx.output('changed', changed);
      ctx.output('deleted', change.deletions);
      ctx.output('requestedBy', requestedBy);
      if (input.mode === 'mark') {
        ctx.output('retireBy', input.retireBy!.trim());
      }
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would propose on ${branch}: ${
            input.mode === 'remove'
              ? `remove ${change.deletions.length} files of ${name}`
              : `mark ${name} retiring by ${input.retireBy}`
          }`,
        );
        ctx.output('branch', branch);
        ctx.output('commit', '');
        return;
      }
      // A retried task must not commit twice: the first result is kept.
      const result = await ctx.checkpoint({
        key: `fleet-cluster-retire-${branch}`,
        fn: async () => {
          const r = await writer.commitFiles({
            mode: 'propose',
            branch,
            files: change.files,
            deletions: change.deletions,
            expectBlobs: change.expectBlobs,
            message: commitMessage({
              title,
              reason: `Reason: ${input.reason.trim()}`,
              requestedBy,
              mode: MODE,
              taskId: ctx.task.id,
              entityRef: clusterRef,
            }),
            author: requesterIdentity(ctx.user),
            signal: ctx.signal,
          });
          return { branch: r.branch, commit: r.commit, url: r.url ?? '' };
        },
      });
      ctx.logger.info(
        `Proposed the retirement of ${clusterRef} on ${result.branch} (${result.commit})`,
      );
      ctx.output('branch', result.branch);
      ctx.output('commit', result.commit);
      if (result.url) {
        ctx.output('url', result.url);
      }
    },
  });
  return withPeopleFacingErrors(action);
}
