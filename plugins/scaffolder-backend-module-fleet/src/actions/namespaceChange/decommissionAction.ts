import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkNamespaceDecommission,
  fleetNamespaceDecommissionPermission,
  formatRequestIssues,
} from '@fleet-portal/plugin-fleet-common';
import { renderRecord } from '../../integrity/renderRecord';
import { withPeopleFacingErrors } from '../peopleFacingErrors';
import { changeModeFor } from '../platformRepo/changeMode';
import {
  namespaceProposalOutputs,
  outputNamespaceProposal,
} from '../namespace/proposalOutputs';
import { day2Context, NamespaceDay2Deps } from './day2Context';
import { decommissionExamples } from './examples';
import { readNamespaceFolder } from './readFolder';

/**
 * `fleet:namespace:decommission`: checks that a tenant namespace may be given back
 * (fleet-common's checkNamespaceDecommission: owning team or platform owners, the confirmation
 * is its name, production only as a proposal), reads its folder from the platform repository
 * and records the removal of every file in it, with the blob each was read as, for
 * fleet:platform-repo:propose. The entity leaves the catalog after the next refresh of the
 * merged change.
 */
export function createNamespaceDecommissionAction(deps: NamespaceDay2Deps) {
  const action = createTemplateAction({
    id: 'fleet:namespace:decommission',
    description:
      "Checks and records the removal of a tenant namespace's folder from the platform repository (owning team or platform owners; confirmed by its name; a proposal on production)",
    examples: decommissionExamples(),
    supportsDryRun: true,
    schema: {
      input: {
        namespace: z =>
          z.string().describe('Entity ref of the tenant namespace'),
        confirmation: z =>
          z
            .string()
            .describe(
              'The Kubernetes namespace name, typed again to confirm the deletion',
            ),
        reason: z => z.string().describe('Why: recorded in the commit message'),
        direct: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Asks to land on main; refused where the change must be a proposal',
            ),
      },
      output: {
        files: z =>
          z
            .record(z.string(), z.string())
            .describe('Always empty: the change only removes files'),
        deleted: z => z.array(z.string()).describe('The files removed'),
        integrity: z =>
          z
            .string()
            .describe(
              'Render record (the removed files and their blobs), sealed, for fleet:platform-repo:propose',
            ),
        ...namespaceProposalOutputs,
        folder: z => z.string(),
      },
    },
    async handler(ctx) {
      const { lookups, actor, writer } = await day2Context(
        ctx,
        deps,
        fleetNamespaceDecommissionPermission,
        'give back tenant namespaces',
      );
      const checked = await checkNamespaceDecommission(ctx.input, lookups, {
        actor,
      });
      if (checked.issues.length > 0 || !checked.target) {
        throw new InputError(
          formatRequestIssues('namespace decommission', checked.issues),
        );
      }
      const { entity, cluster, profile, entityRef, clusterRef } =
        checked.target;
      const clusterName = cluster.metadata.name;
      const name = entity.spec.namespace;
      const folder = await readNamespaceFolder(writer, clusterName, name);
      const deleted = Object.fromEntries(
        Object.entries(folder.files).map(([file, f]) => [file, f.blob]),
      );
      const mode = changeModeFor(cluster, profile);
      ctx.output('files', {});
      ctx.output('deleted', Object.keys(deleted).sort());
      ctx.output(
        'integrity',
        deps.seal.seal(
          renderRecord({
            task: ctx.task.id,
            kind: 'namespace',
            operation: 'decommission',
            cluster: clusterName,
            namespace: name,
            mode: mode.mode,
            entityRef,
            files: {},
            applyFiles: [],
            deleted,
          }),
        ),
      );
      outputNamespaceProposal(ctx, {
        entityRef,
        clusterRef,
        namespace: name,
        title: `Give back tenant namespace ${name} on ${clusterName}`,
        mode,
      });
      ctx.output('folder', `${checked.folder}/`);
      ctx.logger.info(
        `Recorded the removal of ${checked.folder}/ (${
          Object.keys(deleted).length
        } files)`,
      );
    },
  });
  return withPeopleFacingErrors(action);
}
