import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkNamespaceChange,
  fleetNamespaceChangePermission,
  formatRequestIssues,
  platformRepoPaths,
} from '@fleet-portal/plugin-fleet-common';
import { renderRecord } from '../../integrity/renderRecord';
import { withPeopleFacingErrors } from '../peopleFacingErrors';
import { changeModeFor } from '../platformRepo/changeMode';
import {
  namespaceProposalOutputs,
  outputNamespaceProposal,
} from '../namespace/proposalOutputs';
import { writeWorkspaceFiles } from '../writeWorkspaceFiles';
import { day2Context, NamespaceDay2Deps } from './day2Context';
import { changeExamples } from './examples';
import { readNamespaceFolder } from './readFolder';
import {
  changeNamespaceEntity,
  changeNamespaceManifests,
} from './renderChange';

/**
 * `fleet:namespace:change`: checks a change of a tenant namespace (fleet-common's
 * checkNamespaceChange, with the requester's groups and, where the cluster answers, its live
 * usage), reads the namespace's folder from the platform repository and renders the files
 * that change — the entity's quota, limits and roles, and in the baseline manifests the
 * ResourceQuota, LimitRange and RoleBindings — leaving every other byte as it is. Its
 * `integrity` output records each modified file's base blob for fleet:platform-repo:propose.
 */
export function createNamespaceChangeAction(deps: NamespaceDay2Deps) {
  const action = createTemplateAction({
    id: 'fleet:namespace:change',
    description:
      "Checks and renders a change of a tenant namespace's quota, limits and roles (within the profile's maximums and the team budget; owning team or platform owners only) as modifications of its files in the platform repository",
    examples: changeExamples(),
    supportsDryRun: true,
    schema: {
      input: {
        namespace: z =>
          z
            .string()
            .describe(
              'Entity ref of the tenant namespace, e.g. resource:default/stg-euw1-checkout-01.checkout',
            ),
        quota: z =>
          z
            .record(z.string(), z.string())
            .optional()
            .describe(
              'ResourceQuota values to change (e.g. pods: "120"); the others stay as they are',
            ),
        limits: z =>
          z
            .object({
              defaultRequest: z.record(z.string(), z.string()).optional(),
              default: z.record(z.string(), z.string()).optional(),
            })
            .optional()
            .describe('LimitRange container defaults to change'),
        roles: z =>
          z
            .array(z.string())
            .optional()
            .describe(
              "The team's roles after the change (all of them); unchanged when left out",
            ),
        reason: z => z.string().describe('Why: recorded in the commit message'),
      },
      output: {
        files: z =>
          z
            .record(z.string(), z.string())
            .describe('The changed files, for fleet:platform-repo:propose'),
        integrity: z =>
          z
            .string()
            .describe(
              'Render record (changed files and the blobs they were rendered from), sealed, for fleet:platform-repo:propose',
            ),
        ...namespaceProposalOutputs,
        quota: z => z.record(z.string(), z.string()),
        budgetUsage: z =>
          z
            .object({
              namespaces: z.number(),
              quota: z.record(z.string(), z.string()),
            })
            .describe(
              "The owning team's usage on the cluster before the change",
            ),
      },
    },
    async handler(ctx) {
      const { lookups, actor, writer } = await day2Context(
        ctx,
        deps,
        fleetNamespaceChangePermission,
        'change tenant namespaces',
      );
      let checked = await checkNamespaceChange(ctx.input, lookups, { actor });
      const target = checked.target;
      if (target && checked.issues.length === 0 && deps.applier) {
        const used = await deps.applier.quotaUsed(
          target.cluster.metadata.name,
          target.entity.spec.namespace,
          { signal: ctx.signal, logger: ctx.logger },
        );
        if (used) {
          checked = await checkNamespaceChange(ctx.input, lookups, {
            actor,
            used,
          });
        }
      }
      if (checked.issues.length > 0 || !checked.target) {
        throw new InputError(
          formatRequestIssues('namespace change', checked.issues),
        );
      }
      const { entity, cluster, profile } = checked.target;
      const clusterName = cluster.metadata.name;
      const name = entity.spec.namespace;
      const folder = await readNamespaceFolder(writer, clusterName, name);
      const values = {
        quota: checked.quota!,
        limits: checked.limits!,
        roles: checked.roles!,
      };
      const entityPath = platformRepoPaths.namespaceEntity(clusterName, name);
      const manifestsPath = platformRepoPaths.namespaceManifests(
        clusterName,
        name,
      );
      const rendered: Record<string, string> = {};
      rendered[entityPath] = changeNamespaceEntity(
        folder.files[entityPath].content,
        values,
      );
      const manifests = folder.files[manifestsPath];
      if (manifests) {
        rendered[manifestsPath] = changeNamespaceManifests(manifests.content, {
          ...values,
          namespace: name,
          identityGroup:
            entity.spec.identityGroup ?? checked.target.team.split('/').pop()!,
        });
      }
      const files = Object.fromEntries(
        Object.entries(rendered).filter(
          ([file, content]) => content !== folder.files[file].content,
        ),
      );
      if (Object.keys(files).length === 0) {
        throw new InputError(
          `namespace: the files of ${name} on ${clusterName} already have these values; nothing to change`,
        );
      }
      await writeWorkspaceFiles(ctx.workspacePath, files);
      const mode = changeModeFor(cluster, profile);
      ctx.output('files', files);
      ctx.output(
        'integrity',
        deps.seal.seal(
          renderRecord({
            task: ctx.task.id,
            kind: 'namespace',
            operation: 'change',
            cluster: clusterName,
            namespace: name,
            mode: mode.mode,
            entityRef: checked.target.entityRef,
            files,
            applyFiles: [],
            modified: Object.fromEntries(
              Object.keys(files).map(file => [file, folder.files[file].blob]),
            ),
          }),
        ),
      );
      outputNamespaceProposal(ctx, {
        entityRef: checked.target.entityRef,
        clusterRef: checked.target.clusterRef,
        namespace: name,
        title: `Change tenant namespace ${name} on ${clusterName} (${changedWords(
          entity.spec,
          values,
        )})`,
        mode,
      });
      ctx.output('quota', values.quota);
      ctx.output('budgetUsage', checked.usage!);
      ctx.logger.info(
        `Rendered a change of ${name} on ${clusterName}: ${Object.keys(
          files,
        ).join(', ')}`,
      );
    },
  });
  return withPeopleFacingErrors(action);
}

/** `quota, roles`: what the change touches, for the commit title. */
function changedWords(
  before: { quota?: object; limits?: object; roles?: string[] },
  after: { quota: object; limits: object; roles: string[] },
): string {
  const words = [
    JSON.stringify(before.quota ?? {}) !== JSON.stringify(after.quota) &&
      'quota',
    JSON.stringify(before.limits ?? {}) !== JSON.stringify(after.limits) &&
      'limits',
    (before.roles ?? []).join() !== after.roles.join() && 'roles',
  ].filter(Boolean);
  return words.length > 0 ? words.join(', ') : 'files';
}
