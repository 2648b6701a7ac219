import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  NamespaceActionDeps,
  authorizedNamespaceRequest,
} from './authorizedRequest';
import { namespaceRequestInputSchema } from './namespaceRequest';
import { namespaceExamples } from './examples';
import { withPeopleFacingErrors } from '../peopleFacingErrors';

/**
 * `fleet:namespace:validate`: checks a tenant namespace request against the catalog
 * and the cluster's profile before anything touches the platform repository, and
 * outputs the request with the profile's defaults filled in.
 */
export function createNamespaceValidateAction(deps: NamespaceActionDeps) {
  const action = createTemplateAction({
    id: 'fleet:namespace:validate',
    description:
      "Validates a tenant namespace request against the catalog and the cluster's profile: governed, live cluster; valid, unreserved, unused name; the requester's team; quota, limits and roles within the profile",
    examples: namespaceExamples('fleet:namespace:validate'),
    supportsDryRun: true,
    schema: {
      input: namespaceRequestInputSchema,
      output: {
        entityRef: z =>
          z.string().describe('Ref of the tenant namespace entity to be'),
        clusterRef: z => z.string(),
        profileRef: z => z.string(),
        environment: z => z.string(),
        mode: z =>
          z
            .enum(['propose', 'direct'])
            .describe('How the change will reach the platform repository'),
        modeReason: z => z.string(),
        quota: z => z.record(z.string(), z.string()),
        limits: z =>
          z.object({
            defaultRequest: z.record(z.string(), z.string()).optional(),
            default: z.record(z.string(), z.string()).optional(),
          }),
        roles: z => z.array(z.string()),
        identityGroup: z => z.string(),
      },
    },
    async handler(ctx) {
      const request = await authorizedNamespaceRequest(ctx, deps);
      ctx.output('entityRef', request.entityRef);
      ctx.output('clusterRef', request.clusterRef);
      ctx.output('profileRef', request.profileRef);
      ctx.output('environment', request.environment);
      ctx.output('mode', request.mode.mode);
      ctx.output('modeReason', request.mode.reason);
      ctx.output('quota', request.quota);
      ctx.output('limits', request.limits);
      ctx.output('roles', request.roles);
      ctx.output('identityGroup', request.identityGroup);
    },
  });
  return withPeopleFacingErrors(action);
}
