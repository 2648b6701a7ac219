import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { authorizeClusterRequest } from './authorize';
import { checkClusterRequest } from './checkClusterRequest';
import { clusterRequestExamples } from './examples';
import { clusterRequestSchema } from './request';

export type ClusterActionDeps = {
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  /** @defaultValue () => new Date() */
  now?: () => Date;
};

/**
 * `fleet:cluster:validate` — checks a new-cluster request before anything is reserved or written:
 * the requester may request clusters, the profile exists and the version is current or allowed,
 * the name follows the profile's pattern and is unused, the owner group exists, the purpose is
 * given, node counts are within the profile's bounds and the lifetime dates are within its limits.
 */
export function createFleetClusterValidateAction(deps: ClusterActionDeps) {
  return createTemplateAction({
    id: 'fleet:cluster:validate',
    description:
      'Validates a new-cluster request against its ClusterProfile, the catalog and the lifetime rules',
    examples: clusterRequestExamples('fleet:cluster:validate'),
    supportsDryRun: true,
    schema: {
      input: z => z.object(clusterRequestSchema(z)),
      output: z =>
        z.object({
          profileRef: z.string().describe('The ClusterProfile entity ref'),
          profileVersion: z
            .string()
            .describe('The profile version the cluster is built from'),
          profileType: z
            .string()
            .describe('production, non-production, edge or regulated'),
          provisioner: z.string().describe('cluster-api, crossplane or omni'),
          ownerRef: z.string().describe('The owning group entity ref'),
        }),
    },
    async handler(ctx) {
      await authorizeClusterRequest(
        deps.permissions,
        await ctx.getInitiatorCredentials(),
        ctx.user?.ref,
      );
      const checked = await checkClusterRequest(deps, ctx.input);
      ctx.logger.info(
        `Cluster request ${checked.request.name} is valid: profile ${checked.profileRef}@${checked.profileVersion}, owner ${checked.ownerRef}`,
      );
      ctx.output('profileRef', checked.profileRef);
      ctx.output('profileVersion', checked.profileVersion);
      ctx.output('profileType', checked.profile.spec.type);
      ctx.output(
        'provisioner',
        checked.profile.spec.provisioner?.type ?? 'cluster-api',
      );
      ctx.output('ownerRef', checked.ownerRef);
    },
  });
}
