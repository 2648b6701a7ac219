import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { renderRecord } from '../../integrity/renderRecord';
import type { RenderSeal } from '../../integrity/RenderSeal';
import {
  authorizedNamespaceRequest,
  NamespaceActionDeps,
} from './authorizedRequest';
import { namespaceExamples } from './examples';
import { namespaceRequestInputSchema } from './namespaceRequest';
import { renderNamespace } from './renderNamespace';
import { validateRendered } from './validateManifests';
import { withPeopleFacingErrors } from '../peopleFacingErrors';
import { writeWorkspaceFiles } from '../writeWorkspaceFiles';
import {
  namespaceProposalOutputs,
  outputNamespaceProposal,
} from './proposalOutputs';

export type NamespaceRenderActionDeps = NamespaceActionDeps & {
  /** Seals the render record that fleet:platform-repo:propose checks. */
  seal: RenderSeal;
};

/**
 * `fleet:namespace:render`: validates the request (the same checks as
 * fleet:namespace:validate), renders the namespace baseline and its catalog entity
 * into the platform-repo layout, validates the manifests against the Kubernetes
 * OpenAPI schemas, and writes them into the task workspace. Its `integrity` output
 * records what was rendered for which request, sealed by the backend: propose commits
 * nothing else.
 */
export function createNamespaceRenderAction(deps: NamespaceRenderActionDeps) {
  const action = createTemplateAction({
    id: 'fleet:namespace:render',
    description:
      'Renders a tenant namespace (Namespace, ResourceQuota, LimitRange, default-deny NetworkPolicies with the profile allows, RoleBindings, catalog entity) into the platform-repo layout',
    examples: namespaceExamples('fleet:namespace:render'),
    supportsDryRun: true,
    schema: {
      input: namespaceRequestInputSchema,
      output: {
        files: z =>
          z
            .record(z.string(), z.string())
            .describe(
              'Platform-repo path → content, for fleet:platform-repo:propose',
            ),
        paths: z => z.array(z.string()),
        expectAbsent: z =>
          z.array(z.string()).describe('Files that must not exist yet'),
        applyFiles: z =>
          z.array(z.string()).describe('Files with the Kubernetes manifests'),
        integrity: z =>
          z
            .string()
            .describe(
              'Render record (file digests, cluster, namespace, mode) sealed by the backend, for fleet:platform-repo:propose',
            ),
        ...namespaceProposalOutputs,
      },
    },
    async handler(ctx) {
      const request = await authorizedNamespaceRequest(ctx, deps);
      const rendered = renderNamespace(request);
      const problems = await validateRendered(rendered);
      if (problems.length > 0) {
        // The inputs were valid, so this is a defect of the renderer or the profile.
        throw new Error(
          `Rendered manifests do not validate: ${problems.join('; ')}`,
        );
      }
      await writeWorkspaceFiles(ctx.workspacePath, rendered.files);
      ctx.logger.info(
        `Rendered tenant namespace ${request.namespace} on ${request.clusterName} (${rendered.manifests.length} manifests)`,
      );
      ctx.output('files', rendered.files);
      ctx.output('paths', Object.keys(rendered.files));
      ctx.output('expectAbsent', [
        request.paths.entity,
        request.paths.manifests,
      ]);
      ctx.output('applyFiles', [request.paths.manifests]);
      ctx.output(
        'integrity',
        deps.seal.seal(
          renderRecord({
            task: ctx.task.id,
            kind: 'namespace',
            cluster: request.clusterName,
            namespace: request.namespace,
            mode: request.mode.mode,
            entityRef: request.entityRef,
            files: rendered.files,
            applyFiles: [request.paths.manifests],
          }),
        ),
      );
      outputNamespaceProposal(ctx, {
        entityRef: request.entityRef,
        clusterRef: request.clusterRef,
        namespace: request.namespace,
        title: `Add tenant namespace ${request.namespace} on ${request.clusterName} for ${request.team.metadata.name}`,
        mode: request.mode,
      });
    },
  });
  return withPeopleFacingErrors(action);
}
