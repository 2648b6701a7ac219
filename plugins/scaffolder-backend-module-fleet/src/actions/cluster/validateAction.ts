import type {
  AuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { PlatformRepoOrigin } from '@fleet-portal/plugin-fleet-common';
import {
  platformRepoPaths,
  type PlatformRepoWriter,
} from '@fleet-portal/plugin-fleet-node';
import { authorizeClusterRequest } from './authorize';
import { checkClusterRequest } from './checkClusterRequest';
import { clusterRequestExamples } from './examples';
import { clusterRequestSchema } from './request';
import { withPeopleFacingErrors } from '../peopleFacingErrors';

export type ClusterActionDeps = {
  catalog: CatalogService;
  auth: AuthService;
  permissions: PermissionsService;
  /** The configured platform-repo providers (fleet-node's readPlatformRepoOrigins). */
  origins: readonly PlatformRepoOrigin[];
  /** @defaultValue () => new Date() */
  now?: () => Date;
};

export type ClusterValidateDeps = ClusterActionDeps & {
  /** The platform repository, to refuse a name that is there but not (yet) in the catalog. */
  writer?: Pick<PlatformRepoWriter, 'existingPaths'>;
};

/**
 * `fleet:cluster:validate` — checks a new-cluster request before anything is reserved or written:
 * the requester may request clusters, the profile exists, is from the platform repository and the
 * version is current or allowed,
 * the name follows the profile's pattern and is unused, the owner group exists, the purpose is
 * given, node counts are within the profile's bounds and the lifetime dates are within its limits.
 */
export function createFleetClusterValidateAction(deps: ClusterValidateDeps) {
  const action = createTemplateAction({
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
          ownerTitle: z
            .string()
            .describe("The owning group's display name, for result pages"),
        }),
    },
    async handler(ctx) {
      await authorizeClusterRequest(
        deps.permissions,
        await ctx.getInitiatorCredentials(),
        ctx.user?.ref,
      );
      const checked = await checkClusterRequest(deps, ctx.input);
      const present = await deps.writer?.existingPaths(
        [platformRepoPaths.clusterDir(checked.request.name)],
        { signal: ctx.signal },
      );
      if (present?.length) {
        throw new InputError(
          `The cluster request is invalid: name: ${checked.request.name} is already used in the platform repository (${present[0]}), although not yet in the catalog`,
        );
      }
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
      ctx.output('ownerTitle', checked.ownerTitle);
    },
  });
  return withPeopleFacingErrors(action);
}
