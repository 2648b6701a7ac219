import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  fleetLifecycleReadPermission,
  LIFECYCLE_DEFAULT_PAGE_SIZE,
  LIFECYCLE_MAX_PAGE_SIZE,
  LIFECYCLE_SORT_FIELDS,
} from '@fleet-portal/plugin-fleet-common';
import type { z as zod } from 'zod/v3';
import type { FleetInventory } from '../service/FleetInventory';
import { isDueWithin } from './dueWithin';
import {
  clusterSummary,
  clusterSummarySchema,
  STATUS_HELP,
  STATUSES,
} from './lifecycleSchemas';
import type { PortalLinks } from '@fleet-portal/plugin-fleet-node';
import { requirePermission } from './requirePermission';

type Zod = typeof zod;

/** A list filter; a single string is taken as a list of one, as agents often send one. */
const listOf = (z: Zod, item: zod.ZodTypeAny = z.string().min(1).max(255)) =>
  z.preprocess(
    value => (typeof value === 'string' ? [value] : value),
    z.array(item).max(50).optional(),
  );

export type ListClustersActionOptions = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  inventory: FleetInventory;
  links: PortalLinks;
};

/**
 * `fleet:list-clusters`: the fleet lifecycle listing (the lifecycle page and
 * `GET /lifecycle/clusters`): the same filters, order and paging, over the clusters the caller may
 * see, plus a due-within-days filter.
 */
export function createListClustersAction(options: ListClustersActionOptions) {
  const { actionsRegistry, permissions, inventory, links } = options;
  actionsRegistry.register({
    name: 'list-clusters',
    title: 'List fleet clusters by lifecycle',
    description: `Lists the Kubernetes clusters of the fleet with their owner, environment, profile, review-by and retire-by dates and lifecycle status, as the portal's fleet lifecycle page shows them. Filters combine with AND; the values of one filter with OR.
Statuses: ${STATUS_HELP}.
Use it for questions like "which production clusters are overdue for review and who owns them" (environment: production, status: review-overdue) or "what is due in the next 30 days" (dueWithinDays: 30). Only clusters the caller may see in the catalog are listed. Results are paged (limit, offset); url opens the same view in the portal.`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            owner: listOf(z).describe(
              'Owning groups: entity refs (group:default/team-payments) or names (team-payments)',
            ),
            environment: listOf(z).describe(
              'Environments, e.g. production, staging, development, test, edge',
            ),
            profile: listOf(z).describe(
              'Cluster profiles: entity refs (clusterprofile:default/production) or names',
            ),
            status: listOf(z, z.enum(STATUSES)).describe(
              `Lifecycle statuses: ${STATUS_HELP}`,
            ),
            dueWithinDays: z
              .number()
              .int()
              .min(0)
              .max(3650)
              .optional()
              .describe(
                'Only clusters whose review-by or retire-by date is at most this many days from today, or already past',
              ),
            search: z
              .string()
              .max(200)
              .optional()
              .describe('Case-insensitive text in the name, title or purpose'),
            orderBy: z
              .enum(LIFECYCLE_SORT_FIELDS)
              .optional()
              .describe(
                'Sort field; default status (worst first, then the nearest date)',
              ),
            order: z.enum(['asc', 'desc']).optional().describe('Default asc'),
            offset: z.number().int().min(0).optional().describe('Default 0'),
            limit: z
              .number()
              .int()
              .min(1)
              .max(LIFECYCLE_MAX_PAGE_SIZE)
              .optional()
              .describe(
                `Page size; default ${LIFECYCLE_DEFAULT_PAGE_SIZE}, at most ${LIFECYCLE_MAX_PAGE_SIZE}`,
              ),
          })
          .strict(),
      output: z =>
        z.object({
          today: z
            .string()
            .describe('The date (UTC) statuses and days are computed for'),
          totalItems: z.number().describe('Clusters matching the filters'),
          offset: z.number(),
          limit: z.number(),
          hasMore: z.boolean().describe('Whether another page follows'),
          clusters: z.array(clusterSummarySchema(z)),
          url: z
            .string()
            .describe(
              'The fleet lifecycle page with these filters (dueWithinDays is not a page filter)',
            ),
        }),
    },
    examples: [
      {
        title: 'Production clusters overdue for review',
        input: { environment: ['production'], status: ['review-overdue'] },
      },
      {
        title: 'Clusters of team-payments with a date in the next 30 days',
        input: { owner: ['team-payments'], dueWithinDays: 30 },
      },
    ],
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        fleetLifecycleReadPermission,
        'read cluster lifecycles',
      );
      const { dueWithinDays, ...query } = input;
      // the lifecycle API's index of the caller's view: the same filters, order and verdicts
      const index = await inventory.lifecycle(credentials);
      const selected = index.select(query);
      const matching =
        dueWithinDays === undefined
          ? selected
          : selected.filter(c => isDueWithin(c, index.today, dueWithinDays));
      const offset = query.offset ?? 0;
      const limit = query.limit ?? LIFECYCLE_DEFAULT_PAGE_SIZE;
      const items = index.judge(matching.slice(offset, offset + limit));
      return {
        output: {
          today: index.today,
          totalItems: matching.length,
          offset,
          limit,
          hasMore: offset + items.length < matching.length,
          clusters: items.map(cluster => clusterSummary(cluster, links)),
          url: links.lifecycle(query),
        },
      };
    },
  });
}
