import type { z as zod } from 'zod/v3';

type Zod = typeof zod;

/** The fields of a tenant namespace request, as a template passes them. */
export type NamespaceRequestInput = {
  /** Entity ref (or name) of the cluster Resource. */
  cluster: string;
  /** The Kubernetes namespace name. */
  namespace: string;
  /** Entity ref (or name) of the owning group. */
  team: string;
  /** The cost-center label value. */
  costCenter: string;
  /** Why the namespace is needed; recorded in the commit. */
  reason: string;
  description?: string;
  /** Resource name → quantity; missing resources get the profile's defaults. */
  quota?: Record<string, string>;
  limits?: {
    defaultRequest?: Record<string, string>;
    default?: Record<string, string>;
  };
  /** ClusterRoles bound to the team's identity-provider group; default `edit`. */
  roles?: string[];
};

/** The zod shape of NamespaceRequestInput, shared by the namespace actions. */
export const namespaceRequestInputSchema = {
  cluster: (z: Zod) =>
    z
      .string()
      .describe(
        'Entity ref of the cluster Resource, e.g. resource:default/stg-euw1-checkout-01',
      ),
  namespace: (z: Zod) =>
    z.string().describe('The namespace name: a DNS-1123 label, not reserved'),
  team: (z: Zod) =>
    z
      .string()
      .describe(
        'Entity ref of the owning group; the requester must belong to it',
      ),
  costCenter: (z: Zod) =>
    z.string().describe('Cost center, emitted as the cost-center label'),
  reason: (z: Zod) =>
    z.string().describe('Why the namespace is needed (recorded in the commit)'),
  description: (z: Zod) =>
    z.string().optional().describe('Description of the namespace entity'),
  quota: (z: Zod) =>
    z
      .record(z.string(), z.string())
      .optional()
      .describe(
        'ResourceQuota hard limits (e.g. requests.cpu: "2"); defaults from the profile',
      ),
  limits: (z: Zod) =>
    z
      .object({
        defaultRequest: z.record(z.string(), z.string()).optional(),
        default: z.record(z.string(), z.string()).optional(),
      })
      .optional()
      .describe('LimitRange container defaults; defaults from the profile'),
  roles: (z: Zod) =>
    z
      .array(z.string())
      .optional()
      .describe(
        "ClusterRoles bound to the team's group, within the profile's allowed roles (default edit)",
      ),
};
