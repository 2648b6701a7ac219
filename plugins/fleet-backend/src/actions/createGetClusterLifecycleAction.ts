import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { fleetLifecycleReadPermission } from '@fleet-portal/plugin-fleet-common';
import { fullRef } from '../lifecycle/refs';
import type { FleetInventory } from '../service/FleetInventory';
import {
  clusterInput,
  clusterSummary,
  clusterSummarySchema,
} from './lifecycleSchemas';
import type { PortalLinks } from '@fleet-portal/plugin-fleet-node';
import { requirePermission } from './requirePermission';

export type GetClusterLifecycleActionOptions = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  inventory: FleetInventory;
  links: PortalLinks;
};

/**
 * `fleet:get-cluster-lifecycle`: one cluster's lifecycle record and governance findings, as the
 * cluster overview card and `GET /lifecycle/clusters/:namespace/:name` give them.
 */
export function createGetClusterLifecycleAction(
  options: GetClusterLifecycleActionOptions,
) {
  const { actionsRegistry, permissions, inventory, links } = options;
  actionsRegistry.register({
    name: 'get-cluster-lifecycle',
    title: "Get a cluster's lifecycle and governance findings",
    description:
      "Gives one Kubernetes cluster's lifecycle record — owner, purpose, environment, region, profile and version (and the profile's current version), creation, review-by and retire-by dates, lifecycle status — and its governance findings (missing owner, profile or dates, profile version behind, CIDR overlaps with other clusters, ungoverned), each with a severity and a sentence explaining it. A cluster the caller may not see in the catalog is reported as not found.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ cluster: clusterInput(z) }).strict(),
      output: z =>
        clusterSummarySchema(z).extend({
          purpose: z.string().optional(),
          environmentGroup: z.string().optional(),
          site: z.string().optional(),
          profileCurrentVersion: z
            .string()
            .optional()
            .describe("The profile's current version"),
          lifetimeClass: z
            .enum(['long-lived', 'project'])
            .optional()
            .describe(
              'long-lived clusters are reviewed periodically; project clusters retire on a fixed date',
            ),
          created: z.string().optional().describe('Creation date, YYYY-MM-DD'),
          findings: z.array(
            z.object({
              code: z.string(),
              severity: z.enum(['critical', 'warning', 'info']),
              message: z.string(),
              relatedEntityRef: z
                .string()
                .optional()
                .describe(
                  'The other entity involved, e.g. the cluster whose CIDR overlaps',
                ),
            }),
          ),
          lifecycleUrl: z
            .string()
            .describe('The fleet lifecycle page, filtered to this cluster'),
        }),
    },
    examples: [
      {
        title: 'A cluster by name',
        input: { cluster: 'prd-euw1-checkout-01' },
      },
    ],
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        fleetLifecycleReadPermission,
        'read cluster lifecycles',
      );
      const index = await inventory.lifecycle(credentials);
      const record = index.cluster(fullRef(input.cluster, 'resource'));
      if (!record) {
        throw new NotFoundError(
          `No cluster ${input.cluster} in the catalog (or you may not see it)`,
        );
      }
      const [cluster] = index.judge([record]);
      return {
        output: {
          ...clusterSummary(cluster, links),
          purpose: cluster.purpose,
          environmentGroup: cluster.environmentGroup,
          site: cluster.site,
          profileCurrentVersion: cluster.profileCurrentVersion,
          lifetimeClass: cluster.lifetimeClass,
          created: cluster.created,
          findings: cluster.findings.map(finding => ({
            code: finding.code,
            severity: finding.severity,
            message: finding.message,
            relatedEntityRef: finding.relatedEntityRef,
          })),
          lifecycleUrl: links.lifecycle({ search: cluster.name }),
        },
      };
    },
  });
}
