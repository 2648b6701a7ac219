import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  fleetClusterRequestPermission,
  fleetNamespaceRequestPermission,
  isClusterEntity,
  isDns1123Label,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { parseAllDocuments } from 'yaml';
import type { FleetCatalog } from '../../catalog/FleetCatalog';
import type { KubernetesApplier } from '../../kubernetes/KubernetesApplier';
import { ChangeMode, changeModeFor } from './changeMode';
import { commitMessage } from './commitMessage';
import { requesterIdentity } from './requester';

export type PlatformRepoProposeDeps = {
  catalog: FleetCatalog;
  permissions: PermissionsService;
  writer?: PlatformRepoWriter;
  /** Applies manifests of direct changes to clusters, when configured. */
  applier?: KubernetesApplier;
};

const KINDS = {
  namespace: fleetNamespaceRequestPermission,
  cluster: fleetClusterRequestPermission,
} as const;

/**
 * `fleet:platform-repo:propose`: commits rendered files to the platform repository,
 * authored as the requesting user, with a message recording who asked and why.
 *
 * The action decides how, not the template: production clusters, production and
 * regulated profiles and profiles without ClickOps always get a proposal branch; a
 * non-production profile that allows ClickOps lands directly on the main branch and,
 * when `fleetPortal.scaffolder.applyDirectChanges` is on, the `applyFiles` are
 * server-side applied to the cluster with credentials from the kubernetes config.
 */
export function createPlatformRepoProposeAction(deps: PlatformRepoProposeDeps) {
  return createTemplateAction({
    id: 'fleet:platform-repo:propose',
    description:
      'Commits rendered files to the platform repository as the requesting user: a proposal branch, or directly on main where the profile allows ClickOps',
    examples: [
      {
        description: 'Propose the files rendered by fleet:namespace:render',
        example: [
          'steps:',
          '  - id: propose',
          '    action: fleet:platform-repo:propose',
          '    input:',
          '      kind: namespace',
          '      cluster: ${{ steps.render.output.clusterRef }}',
          '      files: ${{ steps.render.output.files }}',
          '      expectAbsent: ${{ steps.render.output.expectAbsent }}',
          '      applyFiles: ${{ steps.render.output.applyFiles }}',
          '      title: ${{ steps.render.output.title }}',
          '      reason: ${{ parameters.reason }}',
          '      entityRef: ${{ steps.render.output.entityRef }}',
          '',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        kind: z =>
          z
            .enum(['namespace', 'cluster'])
            .describe(
              'What is requested: decides the permission checked and where files may go',
            ),
        files: z =>
          z
            .record(z.string(), z.string())
            .describe('Platform-repo path → file content'),
        title: z => z.string().describe('First line of the commit message'),
        reason: z => z.string().describe('Why: recorded in the commit message'),
        cluster: z =>
          z
            .string()
            .describe(
              'Cluster entity ref (namespace requests) or the new cluster name (cluster requests)',
            ),
        profile: z =>
          z
            .string()
            .optional()
            .describe(
              'Profile ref of a new cluster: decides the mode of cluster requests',
            ),
        environment: z =>
          z
            .string()
            .optional()
            .describe(
              'Environment of a new cluster; production always gets a proposal',
            ),
        expectAbsent: z =>
          z
            .array(z.string())
            .optional()
            .describe('Paths that must not exist on the base branch'),
        applyFiles: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Files whose manifests are applied after a direct change, if configured',
            ),
        branch: z =>
          z
            .string()
            .optional()
            .describe(
              'Proposal branch name; default fleet/<kind>/<cluster>/<task id>',
            ),
        entityRef: z =>
          z.string().optional().describe('Catalog entity the change creates'),
      },
      output: {
        mode: z => z.enum(['propose', 'direct']),
        modeReason: z => z.string(),
        branch: z => z.string(),
        commit: z => z.string(),
        baseCommit: z => z.string(),
        url: z => z.string().optional(),
        files: z => z.array(z.string()),
        entityRef: z => z.string().optional(),
        requestedBy: z => z.string(),
        applied: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Objects server-side applied to the cluster, as Kind/namespace/name',
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const permission = KINDS[input.kind];
      if (!permission) {
        throw new InputError(
          `kind: must be one of ${Object.keys(KINDS).join(', ')}`,
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      await authorize(deps.permissions, credentials, permission);
      const requestedBy = ctx.user?.ref;
      if (!requestedBy) {
        throw new InputError(
          'user: a platform-repo change needs a signed-in user',
        );
      }
      const writer = deps.writer;
      if (!writer) {
        throw new Error(
          'No platform repository is configured (fleetPortal.platformRepo or catalog.providers.fleetPlatformRepo)',
        );
      }
      const { mode, clusterName } = await decideMode(input, credentials, deps);
      checkScope(
        input.kind,
        clusterName,
        input.files,
        input.expectAbsent ?? [],
      );
      for (const file of input.applyFiles ?? []) {
        if (!(file in input.files)) {
          throw new InputError(`applyFiles: ${file} is not one of the files`);
        }
      }

      const branch =
        mode.mode === 'direct'
          ? writer.defaultBranch
          : input.branch ??
            `fleet/${input.kind}/${clusterName}/${ctx.task.id.slice(0, 8)}`;
      const message = commitMessage({
        title: input.title,
        reason: input.reason,
        requestedBy,
        mode,
        taskId: ctx.task.id,
        entityRef: input.entityRef,
      });
      const files = Object.keys(input.files).sort();
      ctx.output('mode', mode.mode);
      ctx.output('modeReason', mode.reason);
      ctx.output('files', files);
      ctx.output('requestedBy', requestedBy);
      if (input.entityRef) {
        ctx.output('entityRef', input.entityRef);
      }

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would ${
            mode.mode === 'direct' ? 'commit to' : 'propose on'
          } ${branch}: ${files.join(', ')}`,
        );
        ctx.output('branch', branch);
        ctx.output('commit', '');
        ctx.output('baseCommit', '');
        return;
      }

      const author = requesterIdentity(ctx.user);
      // A retried task must not commit twice: the first result is kept.
      const result = await ctx.checkpoint({
        key: `fleet-platform-repo-commit-${branch}`,
        fn: async () => {
          const r = await writer.commitFiles({
            files: input.files,
            mode: mode.mode,
            branch: mode.mode === 'propose' ? branch : undefined,
            message,
            author,
            expectAbsent: input.expectAbsent,
            signal: ctx.signal,
          });
          return {
            branch: r.branch,
            commit: r.commit,
            baseCommit: r.baseCommit,
            url: r.url ?? '',
          };
        },
      });
      ctx.logger.info(
        `${mode.mode === 'direct' ? 'Committed' : 'Proposed'} ${
          files.length
        } files on ${result.branch} (${result.commit}): ${mode.reason}`,
      );
      ctx.output('branch', result.branch);
      ctx.output('commit', result.commit);
      ctx.output('baseCommit', result.baseCommit);
      if (result.url) {
        ctx.output('url', result.url);
      }

      const applyFiles = input.applyFiles ?? [];
      if (
        mode.mode === 'direct' &&
        applyFiles.length > 0 &&
        deps.applier?.enabled
      ) {
        const manifests = applyFiles.flatMap(file =>
          parseAllDocuments(input.files[file]).map(doc => doc.toJS()),
        );
        const applied = await ctx.checkpoint({
          key: `fleet-apply-${result.commit}`,
          fn: () =>
            deps.applier!.apply(clusterName, manifests, {
              logger: ctx.logger,
              signal: ctx.signal,
            }),
        });
        ctx.output('applied', applied);
      }
    },
  });
}

async function authorize(
  permissions: PermissionsService,
  credentials: BackstageCredentials,
  permission: (typeof KINDS)[keyof typeof KINDS],
) {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `You are not allowed to do this (${permission.name})`,
    );
  }
}

/** The mode from the catalog's cluster and profile, never from the template. */
async function decideMode(
  input: {
    kind: string;
    cluster: string;
    profile?: string;
    environment?: string;
  },
  credentials: BackstageCredentials,
  deps: PlatformRepoProposeDeps,
): Promise<{ mode: ChangeMode; clusterName: string }> {
  if (input.kind === 'namespace') {
    const cluster = await deps.catalog.cluster(input.cluster, credentials);
    if (!cluster || !isClusterEntity(cluster)) {
      throw new InputError(
        `cluster: ${JSON.stringify(
          input.cluster,
        )} is not a cluster in the catalog`,
      );
    }
    const profile = cluster.spec.profile
      ? await deps.catalog.profile(cluster.spec.profile, credentials)
      : undefined;
    return {
      mode: changeModeFor(cluster, profile),
      clusterName: cluster.metadata.name,
    };
  }
  if (!isDns1123Label(input.cluster)) {
    throw new InputError(
      `cluster: ${JSON.stringify(input.cluster)} is not a valid cluster name`,
    );
  }
  const profile = input.profile
    ? await deps.catalog.profile(input.profile, credentials)
    : undefined;
  if (input.profile && !profile) {
    throw new InputError(
      `profile: ${JSON.stringify(
        input.profile,
      )} is not a ClusterProfile in the catalog`,
    );
  }
  // A new cluster is never landed directly, whatever its profile allows for later changes: its
  // name and CIDRs are fixed once it exists, so a reviewer sees the request first (issue #6).
  const mode = {
    mode: 'propose' as const,
    reason:
      input.environment === 'production'
        ? `${input.cluster} is a production cluster`
        : `a new cluster (${input.cluster}) is always proposed for review`,
  };
  return { mode, clusterName: input.cluster };
}

/** A namespace request only writes below its namespace directory; a cluster request only below its cluster. */
function checkScope(
  kind: string,
  clusterName: string,
  files: Record<string, string>,
  expectAbsent: string[],
) {
  const prefix =
    kind === 'namespace'
      ? `clusters/${clusterName}/namespaces/`
      : `clusters/${clusterName}/`;
  for (const file of [...Object.keys(files), ...expectAbsent]) {
    if (!file.startsWith(prefix) || file.split('/').includes('..')) {
      throw new InputError(
        `files: ${file} is outside ${prefix}, where a ${kind} request may write`,
      );
    }
  }
}
