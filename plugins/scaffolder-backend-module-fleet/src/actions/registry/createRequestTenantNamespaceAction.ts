import type { RequestActionOptions } from './requestActionOptions';
import { authorizeNamespaceRequest } from '../namespace/authorizedRequest';
import {
  namespaceParametersShape,
  namespacePipeline,
} from './namespacePipeline';
import { runAsCaller } from './pipeline';

/**
 * `scaffolder:fleet-request-tenant-namespace`: requests a tenant namespace as the calling user,
 * through the steps of the tenant-namespace template (see namespacePipeline.ts): the same
 * permission, validation, rendering and platform-repo change, authored by the user.
 */
export function createRequestTenantNamespaceAction(
  options: RequestActionOptions,
) {
  const { actionsRegistry, permissions, templateActions } = options;
  actionsRegistry.register({
    name: 'fleet-request-tenant-namespace',
    title: 'Request a tenant namespace',
    description: `Requests a Kubernetes namespace for a team on a governed cluster, as the portal's "Tenant namespace" template does, as the calling user: the same permission (fleet.namespace.request), the same checks and the same change in the platform Git repository, authored by the user.
Checked: the cluster is governed (from the platform repository), not retired and not deprecated; the name is a DNS-1123 label, not reserved and not used on the cluster; the team is one of the user's groups; quota within the cluster profile's maximums (defaults from the profile for what is left out); roles allowed by the profile (cluster-admin never). Every problem is reported at once, naming the field; nothing is written then.
Where it lands is decided by the cluster's profile, not by the caller: non-production profiles that allow ClickOps commit directly to the main branch; production, regulated and no-ClickOps profiles get a proposal branch for review, and nothing changes until it is merged. The namespace appears in the catalog after the next platform-repository refresh.
Use dryRun: true to check a request and see where it would land without writing anything. Use fleet.get-cluster-profile for the profile's quota defaults, maximums and allowed roles.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z
          .object({
            ...namespaceParametersShape(z),
            dryRun: z
              .boolean()
              .optional()
              .describe(
                'Only check the request and show where it would land; writes nothing',
              ),
          })
          .strict(),
      output: z =>
        z.object({
          status: z
            .enum(['committed', 'proposed', 'checked'])
            .describe(
              'committed: on the main branch; proposed: on a branch for review; checked: a dry run, nothing written',
            ),
          mode: z
            .enum(['direct', 'propose'])
            .describe('How the change reaches the platform repository'),
          modeReason: z
            .string()
            .describe('Why, from the cluster and its profile'),
          namespace: z.string(),
          clusterRef: z.string(),
          profileRef: z.string(),
          environment: z.string(),
          entityRef: z
            .string()
            .describe(
              'The tenant namespace entity, in the catalog after the next refresh',
            ),
          quota: z
            .record(z.string(), z.string())
            .describe('The ResourceQuota, profile defaults filled in'),
          roles: z.array(z.string()),
          identityGroup: z
            .string()
            .describe('The identity-provider group bound to the roles'),
          branch: z.string(),
          commit: z.string().optional().describe('Absent for a dry run'),
          url: z
            .string()
            .optional()
            .describe(
              'The branch or change request in the Git host, when it has one',
            ),
          files: z
            .array(z.string())
            .describe('Platform-repository paths written'),
          requestedBy: z
            .string()
            .describe('The user the change is authored by'),
          applied: z
            .array(z.string())
            .optional()
            .describe(
              'Objects applied to the cluster directly, when the portal does that',
            ),
          entityUrl: z
            .string()
            .describe(
              'The namespace page in the portal (after the next refresh)',
            ),
        }),
    },
    examples: [
      {
        title: 'A staging namespace for team Checkout, checked first',
        input: {
          cluster: 'resource:default/stg-euw1-checkout-01',
          namespace: 'checkout-search',
          team: 'group:default/team-checkout',
          costCenter: 'cc-4711',
          quota: { 'requests.cpu': '2', 'limits.memory': '8Gi' },
          roles: ['edit'],
          reason: 'Staging namespace for the new checkout search service',
          dryRun: true,
        },
      },
    ],
    action: async ({ input, credentials, logger }) => {
      await authorizeNamespaceRequest(permissions, credentials);
      const { dryRun = false, ...parameters } = input;
      return runAsCaller(
        {
          credentials,
          logger,
          deps: options,
          pipeline: namespacePipeline,
          actions: templateActions,
          parameters,
          dryRun,
          describe: user =>
            `Tenant namespace ${parameters.namespace} on ${parameters.cluster} requested by ${user.ref}`,
        },
        ({ validate, render, propose }) => ({
          output: {
            status: requestStatus(dryRun, propose.mode),
            mode: propose.mode,
            modeReason: propose.modeReason,
            namespace: render.namespace,
            clusterRef: render.clusterRef,
            profileRef: validate.profileRef,
            environment: validate.environment,
            entityRef: render.entityRef,
            quota: validate.quota,
            roles: validate.roles,
            identityGroup: validate.identityGroup,
            branch: propose.branch,
            commit: propose.commit || undefined,
            url: propose.url || undefined,
            files: propose.files,
            requestedBy: propose.requestedBy,
            applied: propose.applied,
            entityUrl: options.entityPageUrl(render.entityRef),
          },
        }),
      );
    },
  });
}

/** What became of the request: checked only, on the main branch, or on a proposal branch. */
function requestStatus(dryRun: boolean, mode: 'direct' | 'propose') {
  if (dryRun) {
    return 'checked' as const;
  }
  return mode === 'direct' ? ('committed' as const) : ('proposed' as const);
}
