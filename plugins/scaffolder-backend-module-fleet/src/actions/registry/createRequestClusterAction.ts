import type { RequestActionOptions } from './requestActionOptions';
import { authorizeClusterRequest } from '../cluster/authorize';
import { clusterParametersShape, clusterPipeline } from './clusterPipeline';
import { runAsCaller } from './pipeline';

/**
 * `scaffolder:fleet-request-cluster`: requests a new cluster from a profile as the calling user,
 * through the steps of the new-cluster template (see clusterPipeline.ts): the same permission,
 * validation, CIDR reservation, rendering and proposal, authored by the user.
 */
export function createRequestClusterAction(options: RequestActionOptions) {
  const { actionsRegistry, permissions, templateActions } = options;
  actionsRegistry.register({
    name: 'fleet-request-cluster',
    title: 'Request a new cluster from a profile',
    description: `Requests a new Kubernetes cluster built from an approved cluster profile, as the portal's "New cluster from a profile" template does, as the calling user: the same permission (fleet.cluster.request, platform owners), the same checks, CIDR reservation and proposal in the platform Git repository, authored by the user.
Checked: the profile is governed and the version current or still allowed; the name follows the profile's naming pattern and is not used in the catalog or the platform repository; the owner group exists; node counts within the profile's bounds; a long-lived cluster has a review-by date at most 12 months ahead (or the profile's shorter interval), a project cluster a retire-by date within the profile's maximum lifetime. Every problem is reported at once, naming the field; nothing is reserved or written then.
A new cluster is always a proposal: a branch for review in the platform repository; nothing is built until it is merged. Its pod and service CIDRs (the given ones, or the first free blocks of the profile's pools) are reserved for it.
Use dryRun: true to check a request and preview its CIDRs without reserving or writing anything. Use fleet.get-cluster-profile for the naming pattern, node bounds and review interval, and fleet.preview-cluster-cidrs for the CIDRs.`,
    attributes: { readOnly: false, destructive: false, idempotent: false },
    schema: {
      input: z =>
        z
          .object({
            ...clusterParametersShape(z),
            dryRun: z
              .boolean()
              .optional()
              .describe(
                'Only check the request and preview its CIDRs; reserves and writes nothing',
              ),
          })
          .strict(),
      output: z =>
        z.object({
          status: z
            .enum(['proposed', 'checked'])
            .describe(
              'proposed: on a branch for review; checked: a dry run, nothing reserved or written',
            ),
          modeReason: z.string(),
          name: z.string(),
          clusterEntityRef: z
            .string()
            .describe(
              'The cluster entity, in the catalog once the proposal is merged',
            ),
          profileRef: z.string(),
          profileVersion: z.string(),
          ownerRef: z.string(),
          podCidr: z.string(),
          serviceCidr: z.string(),
          reservationId: z
            .string()
            .optional()
            .describe(
              'The CIDR reservation holding the blocks (absent for a dry run)',
            ),
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
          profileUrl: z.string().describe('The profile page in the portal'),
        }),
    },
    examples: [
      {
        title: 'An edge cluster for a new store, checked first',
        input: {
          name: 'edg-ber03-store-01',
          profile: 'clusterprofile:default/edge',
          owner: 'group:default/team-checkout',
          purpose:
            'Point of sale and offline payment buffering in the Berlin Mitte store',
          environment: 'edge',
          environmentGroup: 'far-edge',
          region: 'eu-central-1',
          site: 'ber03',
          controlPlaneNodes: 1,
          workerNodes: 0,
          lifetimeClass: 'long-lived',
          reviewBy: '2027-06-30',
          dryRun: true,
        },
      },
    ],
    action: async ({ input, credentials, logger }) => {
      const { dryRun = false, ...parameters } = input;
      await authorizeClusterRequest(
        permissions,
        credentials,
        options.auth.isPrincipal(credentials, 'user')
          ? credentials.principal.userEntityRef
          : undefined,
      );
      return runAsCaller(
        {
          credentials,
          logger,
          deps: options,
          pipeline: clusterPipeline,
          actions: templateActions,
          parameters,
          dryRun,
          describe: user =>
            `Cluster ${parameters.name} requested by ${user.ref}`,
        },
        ({ validate, render, propose }) => ({
          output: {
            status: dryRun ? ('checked' as const) : ('proposed' as const),
            modeReason: propose.modeReason,
            name: parameters.name,
            clusterEntityRef: render.clusterEntityRef,
            profileRef: validate.profileRef,
            profileVersion: validate.profileVersion,
            ownerRef: validate.ownerRef,
            podCidr: render.podCidr,
            serviceCidr: render.serviceCidr,
            reservationId: render.reservationId,
            branch: propose.branch,
            commit: propose.commit || undefined,
            url: propose.url || undefined,
            files: propose.files,
            requestedBy: propose.requestedBy,
            profileUrl: options.entityPageUrl(validate.profileRef),
          },
        }),
      );
    },
  });
}
