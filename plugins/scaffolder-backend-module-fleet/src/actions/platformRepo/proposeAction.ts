import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  fleetClusterRequestPermission,
  fleetNamespaceChangePermission,
  fleetNamespaceDecommissionPermission,
  fleetNamespaceRequestPermission,
  isClusterEntity,
  isDns1123Label,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { stringify } from 'yaml';
import type { FleetCatalog } from '../../catalog/FleetCatalog';
import type { RenderSeal } from '../../integrity/RenderSeal';
import type { KubernetesApplier } from '../../kubernetes/KubernetesApplier';
import { ChangeMode, changeModeFor } from './changeMode';
import { checkRendered } from './checkRendered';
import { commitMessage } from './commitMessage';
import { assertNamespaceAbsent, manifestsToApply } from './directApply';
import {
  changeRequestOutputs,
  openProposalChangeRequest,
} from './changeRequestStep';
import type { ChangeRequestOpener } from './openChangeRequest';
import { proposalBranchName } from './proposalBranchName';
import { requesterIdentity } from './requester';
import { withPeopleFacingErrors } from '../peopleFacingErrors';

export type PlatformRepoProposeDeps = {
  catalog: FleetCatalog;
  permissions: PermissionsService;
  writer?: PlatformRepoWriter;
  /** Applies manifests of direct changes to clusters, when configured. */
  applier?: KubernetesApplier;
  /** Opens the render records of fleet:namespace:render and fleet:cluster:render. */
  seal: RenderSeal;
  /** Opens the pull/merge request of a proposal where the platform repository's host has them. */
  changeRequests?: ChangeRequestOpener;
};

const KINDS = {
  namespace: fleetNamespaceRequestPermission,
  cluster: fleetClusterRequestPermission,
} as const;

/** Day-2 changes of a namespace's folder are decided by their own permissions. */
const NAMESPACE_OPERATIONS = {
  change: fleetNamespaceChangePermission,
  decommission: fleetNamespaceDecommissionPermission,
} as const;

/**
 * `fleet:platform-repo:propose`: commits rendered files to the platform repository,
 * authored as the requesting user, with a message recording who asked and why.
 *
 * It commits exactly what a render step of the same task produced for a request it
 * validated: the render record (`integrity`, sealed by the backend) names every file's
 * digest, the cluster, the namespace and the change mode; any other file, content or path,
 * and a missing or changed record, is refused before anything is written. Every rendered
 * file is new and must not exist yet.
 *
 * The action decides how, not the template: production clusters, production and
 * regulated profiles and profiles without ClickOps always get a proposal branch (created,
 * never advanced: an existing branch is a conflict); a non-production profile that allows
 * ClickOps lands directly on the main branch and, when
 * `fleetPortal.scaffolder.applyDirectChanges` is on, the rendered manifests of the one
 * namespace are server-side applied to the cluster, provided it does not have that
 * namespace yet.
 */
export function createPlatformRepoProposeAction(deps: PlatformRepoProposeDeps) {
  const action = createTemplateAction({
    id: 'fleet:platform-repo:propose',
    description:
      'Commits the files a fleet render step of the same task produced to the platform repository as the requesting user: a new proposal branch, or directly on main where the profile allows ClickOps',
    examples: [
      {
        description:
          'Propose the files rendered by fleet:namespace:render, with its render record',
        example: stringify({
          steps: [
            {
              id: 'propose',
              action: 'fleet:platform-repo:propose',
              input: {
                kind: 'namespace',
                cluster: '${{ steps.render.output.clusterRef }}',
                files: '${{ steps.render.output.files }}',
                integrity: '${{ steps.render.output.integrity }}',
                title: '${{ steps.render.output.title }}',
                reason: '${{ parameters.reason }}',
                entityRef: '${{ steps.render.output.entityRef }}',
              },
            },
          ],
        }),
      },
      {
        description:
          'Propose a new cluster rendered by fleet:cluster:render on its branch',
        example: stringify({
          steps: [
            {
              id: 'propose',
              action: 'fleet:platform-repo:propose',
              input: {
                kind: 'cluster',
                cluster: '${{ parameters.name }}',
                profile: '${{ steps.validate.output.profileRef }}',
                environment: '${{ parameters.environment }}',
                files: '${{ steps.render.output.files }}',
                integrity: '${{ steps.render.output.integrity }}',
                branch: '${{ steps.render.output.branch }}',
                title: '${{ steps.render.output.title }}',
                reason: '${{ steps.render.output.reason }}',
                entityRef: '${{ steps.render.output.clusterEntityRef }}',
              },
            },
          ],
        }),
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
            .describe(
              'Platform-repo path → file content: exactly the files of the render step',
            ),
        integrity: z =>
          z
            .string()
            .optional()
            .describe(
              'The render record of fleet:namespace:render or fleet:cluster:render in this task (steps.render.output.integrity); required',
            ),
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
            .describe(
              'More paths of the request folder that must not exist on the base branch (every rendered file must not exist in any case)',
            ),
        applyFiles: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              'Deprecated: the render record names the files applied after a direct change; when given, each must be one of them',
            ),
        branch: z =>
          z
            .string()
            .optional()
            .describe(
              'Proposal branch: fleet/<kind>/<cluster> or below it; default fleet/<kind>/<cluster>/<task id>. It must not exist yet',
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
        ...changeRequestOutputs,
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
      const operation = recordedOperation(deps.seal, input.integrity);
      await authorize(
        deps.permissions,
        credentials,
        input.kind === 'namespace' && operation !== 'create'
          ? NAMESPACE_OPERATIONS[operation]
          : permission,
      );
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
      const checked = checkRendered(input, deps.seal.open(input.integrity), {
        taskId: ctx.task.id,
        clusterName,
        mode,
      });
      const branch =
        mode.mode === 'direct'
          ? writer.defaultBranch
          : proposalBranch(input.branch, input.kind, clusterName, ctx.task.id);
      const applier = deps.applier;
      // Day-2 changes land in Git only: the cluster's GitOps applies them (direct apply only
      // ever creates a namespace the cluster does not have).
      const applies =
        mode.mode === 'direct' &&
        checked.operation === 'create' &&
        checked.namespace !== undefined &&
        checked.applyFiles.length > 0 &&
        !!applier?.enabled;
      const manifests = applies
        ? manifestsToApply(input.files, checked.applyFiles, {
            clusterName,
            scope: { namespace: checked.namespace!, createsNamespace: true },
          })
        : [];
      const message = commitMessage({
        title: input.title,
        reason: input.reason,
        requestedBy,
        mode,
        taskId: ctx.task.id,
        entityRef: checked.entityRef,
      });
      const files = Object.keys(input.files).sort();
      ctx.output('mode', mode.mode);
      ctx.output('modeReason', mode.reason);
      ctx.output('files', files);
      ctx.output('requestedBy', requestedBy);
      ctx.output('entityRef', checked.entityRef);
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
          if (applies) {
            // before the commit: Git must not claim a namespace the cluster already has
            await assertNamespaceAbsent(
              applier!,
              clusterName,
              checked.namespace!,
              ctx.signal,
            );
          }
          const r = await writer
            .commitFiles({
              files: input.files,
              mode: mode.mode,
              branch: mode.mode === 'propose' ? branch : undefined,
              message,
              author,
              expectAbsent: checked.expectAbsent,
              expectBlobs: checked.expectBlobs,
              deletions: checked.deletions,
              signal: ctx.signal,
            })
            .catch(async error => {
              throw await staleRenderError(error, checked, clusterName, writer);
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
      await openProposalChangeRequest(ctx, deps.changeRequests, {
        mode: mode.mode,
        head: result.branch,
        base: writer.defaultBranch,
        title: input.title,
        body: message,
      });
      if (applies) {
        const applied = await ctx.checkpoint({
          key: `fleet-apply-${result.commit}`,
          fn: () =>
            applier!.apply(clusterName, manifests, {
              logger: ctx.logger,
              signal: ctx.signal,
              scope: { namespace: checked.namespace!, createsNamespace: true },
            }),
        });
        ctx.output('applied', applied);
      }
    },
  });
  return withPeopleFacingErrors(action);
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

/**
 * The branch of a proposal: the template may name it, but only below
 * `fleet/<kind>/<cluster>`, so a request never creates a branch another process acts on
 * (a release or deploy branch).
 */
function proposalBranch(
  requested: string | undefined,
  kind: string,
  clusterName: string,
  taskId: string,
): string {
  const prefix = `fleet/${kind}/${clusterName}`;
  const branch =
    requested ?? proposalBranchName(kind, clusterName, taskId);
  if (branch !== prefix && !branch.startsWith(`${prefix}/`)) {
    throw new InputError(
      `branch: ${branch} is not a branch of this request; a proposal goes to ${prefix} or a branch below it`,
    );
  }
  return branch;
}

/**
 * What the render record says the request does to its folder, to pick the permission; a
 * missing or forged record counts as a new folder here and is refused by checkRendered.
 */
function recordedOperation(
  seal: RenderSeal,
  token: unknown,
): 'create' | 'change' | 'decommission' {
  try {
    return seal.open(token).operation ?? 'create';
  } catch {
    return 'create';
  }
}

/**
 * A Day-2 change whose files moved on since render gets words naming the namespace: two
 * racing changes of one namespace, the first wins and the second renders again.
 */
async function staleRenderError(
  error: unknown,
  checked: { expectBlobs: Record<string, string>; namespace?: string },
  clusterName: string,
  writer: PlatformRepoWriter,
): Promise<unknown> {
  const paths = Object.keys(checked.expectBlobs);
  if (!(error instanceof ConflictError) || paths.length === 0) {
    return error;
  }
  const now = await writer.readFiles(paths).catch(() => undefined);
  const stale = paths.filter(
    p => now?.files[p]?.blob !== checked.expectBlobs[p],
  );
  if (stale.length === 0) {
    return error;
  }
  return new ConflictError(
    `${checked.namespace} on ${clusterName} changed since this request was rendered; render it again (changed: ${stale.join(
      ', ',
    )})`,
  );
}
