import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { writeWorkspaceFiles } from '../writeWorkspaceFiles';
import { authorizeClusterRequest } from './authorize';
import { checkClusterRequest } from './checkClusterRequest';
import { formatCalendarDate } from './dates';
import { clusterRequestExamples } from './examples';
import { platformRepoPaths } from '@fleet-portal/plugin-fleet-node';
import {
  clusterBranchName,
  clusterCommitBody,
  clusterCommitTitle,
} from './proposal';
import { renderRecord } from '../../integrity/renderRecord';
import type { RenderSeal } from '../../integrity/RenderSeal';
import { renderClusterFiles } from './render/renderClusterFiles';
import { type CidrApi, reserveClusterCidrs } from './reserveCidrs';
import { clusterRequestSchema } from './request';
import type { ClusterActionDeps } from './validateAction';
import { withPeopleFacingErrors } from '../peopleFacingErrors';

export type ClusterRenderActionDeps = ClusterActionDeps & {
  cidrApi: CidrApi;
  /** Seals the render record that fleet:platform-repo:propose checks. */
  seal: RenderSeal;
};

/**
 * `fleet:cluster:render` — reserves the cluster's CIDRs through the fleet backend (a dry run only
 * previews them) and renders the cluster entity and provisioning artefacts into the workspace, at
 * their platform-repository paths, ready for `fleet:platform-repo:propose`. Its `integrity` output
 * records what was rendered for which cluster, sealed by the backend: propose commits nothing else.
 */
export function createFleetClusterRenderAction(deps: ClusterRenderActionDeps) {
  const action = createTemplateAction({
    id: 'fleet:cluster:render',
    description:
      'Reserves pod and service CIDRs for a new cluster and renders its entity, provisioning artefacts and Helmfile into the workspace',
    examples: clusterRequestExamples('fleet:cluster:render'),
    supportsDryRun: true,
    schema: {
      input: z =>
        z.object({
          ...clusterRequestSchema(z),
          cidrs: z
            .object({
              podCidr: z.string().optional(),
              serviceCidr: z.string().optional(),
            })
            .optional()
            .describe(
              'CIDRs to reserve (e.g. the ones the form previewed); allocated from the profile pools when absent',
            ),
          targetPath: z
            .string()
            .optional()
            .describe(
              'Workspace directory the platform-repository files are written under (default: the workspace root)',
            ),
        }),
      output: z =>
        z.object({
          files: z
            .record(z.string(), z.string())
            .describe(
              'Platform-repository path → content, the input of fleet:platform-repo:propose',
            ),
          paths: z
            .array(z.string())
            .describe('Platform-repository paths rendered'),
          expectAbsent: z
            .array(z.string())
            .describe('Paths that must not exist yet: the cluster entity'),
          targetPath: z.string().describe('Workspace directory holding them'),
          clusterEntityRef: z.string(),
          podCidr: z.string(),
          serviceCidr: z.string(),
          reservationId: z.string().optional(),
          profileRef: z.string(),
          profileVersion: z.string(),
          branch: z.string().describe('Suggested proposal branch'),
          title: z.string().describe('First line of the commit'),
          reason: z
            .string()
            .describe(
              'Commit body: purpose, profile and version, CIDRs, owner, environment group, dates',
            ),
          environment: z.string(),
          integrity: z
            .string()
            .describe(
              'Render record (file digests, cluster) sealed by the backend, for fleet:platform-repo:propose',
            ),
        }),
    },
    async handler(ctx) {
      await authorizeClusterRequest(
        deps.permissions,
        await ctx.getInitiatorCredentials(),
        ctx.user?.ref,
      );
      const { cidrs, targetPath = '.', ...request } = ctx.input;
      const root = resolveSafeChildPath(ctx.workspacePath, targetPath);
      const checked = await checkClusterRequest(deps, request);
      const requestedBy = ctx.user?.ref ?? 'unknown';
      const branch = clusterBranchName(checked.request.name, ctx.task.id);
      const reserve = () =>
        reserveClusterCidrs({
          cidrApi: deps.cidrApi,
          cluster: checked.request.name,
          profileRef: checked.profileRef,
          requestedBy,
          requested: cidrs,
          proposalBranch: branch,
          dryRun: !!ctx.isDryRun,
        });
      // A retried task must not reserve twice; the backend is idempotent per cluster as well.
      const reserved = ctx.isDryRun
        ? await reserve()
        : await ctx.checkpoint({
            key: `fleet.cluster.cidrs.${checked.request.name}`,
            fn: reserve,
          });
      const context = {
        ...checked,
        podCidr: reserved.podCidr,
        serviceCidr: reserved.serviceCidr,
        created: formatCalendarDate((deps.now ?? (() => new Date()))()),
      };
      const files = renderClusterFiles(context);
      const rendered = Object.fromEntries(files.map(f => [f.path, f.content]));
      await writeWorkspaceFiles(root, rendered);
      ctx.logger.info(
        `Rendered ${files.length} files for ${
          checked.request.name
        } with pod CIDR ${reserved.podCidr} and service CIDR ${
          reserved.serviceCidr
        }${ctx.isDryRun ? ' (dry run: previewed, not reserved)' : ''}`,
      );
      ctx.output('files', rendered);
      ctx.output(
        'paths',
        files.map(f => f.path),
      );
      ctx.output('expectAbsent', [
        platformRepoPaths.cluster(checked.request.name),
      ]);
      ctx.output('targetPath', targetPath);
      const clusterEntityRef = stringifyEntityRef({
        kind: 'resource',
        namespace: 'default',
        name: checked.request.name,
      });
      ctx.output('clusterEntityRef', clusterEntityRef);
      ctx.output('podCidr', reserved.podCidr);
      ctx.output('serviceCidr', reserved.serviceCidr);
      if (reserved.reservationId) {
        ctx.output('reservationId', reserved.reservationId);
      }
      ctx.output('profileRef', checked.profileRef);
      ctx.output('profileVersion', checked.profileVersion);
      ctx.output('branch', branch);
      ctx.output('title', clusterCommitTitle(context));
      ctx.output('reason', clusterCommitBody(context));
      ctx.output('environment', checked.request.environment);
      ctx.output(
        'integrity',
        deps.seal.seal(
          renderRecord({
            task: ctx.task.id,
            kind: 'cluster',
            cluster: checked.request.name,
            // a new cluster is always proposed for review
            mode: 'propose',
            entityRef: clusterEntityRef,
            files: rendered,
            applyFiles: [],
          }),
        ),
      );
    },
  });
  return withPeopleFacingErrors(action);
}
