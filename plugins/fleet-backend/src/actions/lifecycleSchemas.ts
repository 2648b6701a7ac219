import type { z as zod } from 'zod/v3';
import {
  ClusterLifecycle,
  LIFECYCLE_STATUSES,
  LifecycleStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { PortalLinks } from '@fleet-portal/plugin-fleet-node';

type Zod = typeof zod;

export const STATUSES = LIFECYCLE_STATUSES as [
  LifecycleStatus,
  ...LifecycleStatus[],
];

export const STATUS_HELP =
  'retired (past retire-by), review-overdue (past review-by), retiring-soon (retire-by within 90 days), review-due (review-by within 30 days), ok, unknown (no dates recorded)';

/** The `cluster` input of the single-cluster actions. */
export const clusterInput = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(255)
    .describe(
      'The cluster: its entity ref (resource:default/prd-euw1-checkout-01) or its name (prd-euw1-checkout-01)',
    );

/** The fields of a cluster every lifecycle answer carries. */
export const clusterSummarySchema = (z: Zod) =>
  z.object({
    entityRef: z
      .string()
      .describe(
        'Catalog entity ref, e.g. resource:default/prd-euw1-checkout-01',
      ),
    name: z.string(),
    title: z.string().optional(),
    owner: z
      .string()
      .optional()
      .describe(
        'Entity ref of the owning group, e.g. group:default/team-checkout',
      ),
    environment: z.string().optional(),
    region: z.string().optional(),
    profileRef: z
      .string()
      .optional()
      .describe('Entity ref of the cluster profile it is built from'),
    profileVersion: z.string().optional(),
    reviewBy: z.string().optional().describe('Review-by date, YYYY-MM-DD'),
    retireBy: z.string().optional().describe('Retire-by date, YYYY-MM-DD'),
    status: z.enum(STATUSES).describe(STATUS_HELP),
    daysLeft: z
      .number()
      .optional()
      .describe('Days to statusDate; negative when it is past'),
    statusDate: z
      .string()
      .optional()
      .describe('The date that decides the status (review-by or retire-by)'),
    governed: z
      .boolean()
      .describe(
        'False when the cluster breaks the governance contract (finding "ungoverned")',
      ),
    findingCodes: z
      .array(z.string())
      .describe(
        'Codes of its governance findings, e.g. no-owner, cidr-overlap',
      ),
    url: z.string().describe('The cluster page in the portal'),
  });

export type ClusterSummary = zod.infer<ReturnType<typeof clusterSummarySchema>>;

/** A judged cluster as an agent gets it: stable names, refs, and a link back to the portal. */
export function clusterSummary(
  cluster: ClusterLifecycle,
  links: PortalLinks,
): ClusterSummary {
  return {
    entityRef: cluster.entityRef,
    name: cluster.name,
    title: cluster.title,
    owner: cluster.owner,
    environment: cluster.environment,
    region: cluster.region,
    profileRef: cluster.profileRef,
    profileVersion: cluster.profileVersion,
    reviewBy: cluster.reviewBy,
    retireBy: cluster.retireBy,
    status: cluster.status,
    daysLeft: cluster.daysLeft,
    statusDate: cluster.statusDate,
    governed: cluster.governed,
    findingCodes: cluster.findings.map(finding => finding.code),
    url: links.entity(cluster.entityRef),
  };
}
