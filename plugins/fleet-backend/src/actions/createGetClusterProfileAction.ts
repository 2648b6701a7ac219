import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterProfileEntity,
  fleetLifecycleReadPermission,
  isClusterProfileEntity,
  isFromPlatformRepository,
  PlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-common';
import type { z as zod } from 'zod/v3';
import type { PortalLinks } from '@fleet-portal/plugin-fleet-node';
import { requirePermission } from './requirePermission';

type Zod = typeof zod;

export type GetClusterProfileActionOptions = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  catalog: CatalogService;
  /** The configured platform-repo providers: only their profiles govern requests. */
  origins: readonly PlatformRepoOrigin[];
  links: PortalLinks;
};

const quantities = (z: Zod) =>
  z
    .record(z.string(), z.string())
    .describe(
      'Resource name → Kubernetes quantity, e.g. {"requests.cpu": "2"}',
    );

const profileOutput = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    name: z.string(),
    title: z.string().optional(),
    type: z.string().describe('production, non-production, edge or regulated'),
    version: z.string().describe('Current version, for new clusters'),
    allowedVersions: z
      .array(z.string())
      .describe('Older versions still accepted for new clusters'),
    lifecycle: z.string(),
    owner: z.string(),
    summary: z.string().optional(),
    governed: z
      .boolean()
      .describe(
        'Whether it comes from the platform repository: requests refuse any other profile',
      ),
    kubernetes: z
      .object({
        distribution: z.string().optional(),
        version: z.string().optional(),
        allowedRange: z.string().optional(),
      })
      .describe('The pinned Kubernetes distribution and version'),
    components: z
      .array(
        z.object({
          name: z.string(),
          role: z.string().optional(),
          version: z.string(),
        }),
      )
      .describe('Pinned components'),
    rules: z
      .object({
        clickOpsAllowed: z
          .boolean()
          .describe(
            'Whether non-production changes may land directly on the main branch instead of a reviewed proposal',
          ),
        admissionController: z.string().optional(),
        admissionMode: z.string().optional().describe('enforce or audit'),
        auditLogging: z.boolean().optional(),
        storageClasses: z.array(z.string()),
        defaultStorageClass: z.string().optional(),
        namingPattern: z
          .string()
          .optional()
          .describe('Regular expression cluster names must match'),
        namingExample: z.string().optional(),
        reviewIntervalMonths: z.number().optional(),
        maxLifetimeDays: z
          .number()
          .optional()
          .describe('Longest lifetime of a project cluster'),
        nodes: z
          .object({
            controlPlane: z
              .object({
                min: z.number().optional(),
                max: z.number().optional(),
              })
              .optional(),
            workers: z
              .object({
                min: z.number().optional(),
                max: z.number().optional(),
              })
              .optional(),
          })
          .optional(),
        provisioner: z.string().optional(),
      })
      .describe('What clusters built from it must follow'),
    tenancy: z
      .object({
        defaultQuota: quantities(z),
        maximumQuota: quantities(z).describe(
          'Namespace requests above these are refused',
        ),
        defaultLimits: z.object({
          defaultRequest: quantities(z).optional(),
          default: quantities(z).optional(),
        }),
        allowedRoles: z
          .array(z.string())
          .describe('ClusterRoles a team may get on its namespace'),
        networkPolicy: z.object({
          allowSameNamespace: z.boolean().optional(),
          allowDnsEgress: z.boolean().optional(),
          allowIngressFromNamespaces: z.array(z.string()).optional(),
        }),
      })
      .describe('Defaults and maximums of tenant namespaces on its clusters'),
    network: z
      .object({
        podPools: z.array(z.string()),
        servicePools: z.array(z.string()),
        podPrefix: z.number().optional(),
        servicePrefix: z.number().optional(),
      })
      .describe('Where pod and service CIDRs of new clusters come from'),
    url: z.string().describe('The profile tab of the profile page'),
  });

/**
 * `fleet:get-cluster-profile`: a cluster profile's rules, tenancy defaults and maximums and CIDR
 * pools, read from the catalog with the caller's credentials.
 */
export function createGetClusterProfileAction(
  options: GetClusterProfileActionOptions,
) {
  const { actionsRegistry, permissions, catalog, origins, links } = options;
  actionsRegistry.register({
    name: 'get-cluster-profile',
    title: 'Get a cluster profile',
    description:
      'Gives a ClusterProfile — the approved baseline clusters are built from: type, current and still-allowed versions, Kubernetes version and pinned components, the rules clusters must follow (ClickOps allowed or not, admission control, storage classes, naming pattern, review interval, node bounds, provisioner), the tenancy defaults and maximums that tenant namespace requests are checked against (quota, LimitRange defaults, allowed roles, network policy), and the CIDR pools of new clusters. Use it before requesting a namespace or a cluster to know what will be accepted.',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            profile: z
              .string()
              .min(1)
              .max(255)
              .describe(
                'The profile: entity ref (clusterprofile:default/production) or name (production)',
              ),
          })
          .strict(),
      output: profileOutput,
    },
    examples: [
      {
        title: 'The non-production profile',
        input: { profile: 'non-production' },
      },
    ],
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        fleetLifecycleReadPermission,
        'read cluster profiles',
      );
      let ref: string;
      try {
        ref = stringifyEntityRef(
          parseEntityRef(input.profile, {
            defaultKind: 'clusterprofile',
            defaultNamespace: 'default',
          }),
        );
      } catch {
        throw new InputError(
          `profile: ${JSON.stringify(
            input.profile,
          )} is not an entity ref or name`,
        );
      }
      const entity = await catalog.getEntityByRef(ref, { credentials });
      if (!entity || !isClusterProfileEntity(entity)) {
        throw new NotFoundError(
          `No cluster profile ${input.profile} in the catalog (or you may not see it)`,
        );
      }
      return { output: describeProfile(entity, origins, links) };
    },
  });
}

function describeProfile(
  entity: ClusterProfileEntity,
  origins: readonly PlatformRepoOrigin[],
  links: PortalLinks,
): zod.infer<ReturnType<typeof profileOutput>> {
  const { spec, metadata } = entity;
  const entityRef = stringifyEntityRef(entity);
  const tenancy = spec.tenancy ?? {};
  return {
    entityRef,
    name: metadata.name,
    title: metadata.title,
    type: spec.type,
    version: spec.version,
    allowedVersions: spec.allowedVersions ?? [],
    lifecycle: spec.lifecycle,
    owner: spec.owner,
    summary: spec.summary,
    governed: isFromPlatformRepository(entity, origins),
    kubernetes: {
      distribution: spec.kubernetes?.distribution,
      version: spec.kubernetes?.version,
      allowedRange: spec.kubernetes?.allowedRange,
    },
    components: (spec.components ?? []).map(c => ({
      name: c.name,
      role: c.role,
      version: c.version,
    })),
    rules: {
      clickOpsAllowed: spec.clickOps?.allowed === true,
      admissionController: spec.admission?.controller,
      admissionMode: spec.admission?.mode,
      auditLogging: spec.auditLogging,
      storageClasses: spec.storageClasses?.available ?? [],
      defaultStorageClass: spec.storageClasses?.default,
      namingPattern: spec.naming?.pattern,
      namingExample: spec.naming?.example,
      reviewIntervalMonths: spec.review?.intervalMonths,
      maxLifetimeDays: spec.review?.maxLifetimeDays,
      nodes: spec.nodes,
      provisioner: spec.provisioner?.type,
    },
    tenancy: {
      defaultQuota: tenancy.defaults?.quota ?? {},
      maximumQuota: tenancy.maximums?.quota ?? {},
      defaultLimits: tenancy.defaults?.limits ?? {},
      allowedRoles: tenancy.allowedRoles ?? [],
      networkPolicy: tenancy.networkPolicy ?? {},
    },
    network: {
      podPools: spec.network?.podPools ?? [],
      servicePools: spec.network?.servicePools ?? [],
      podPrefix: spec.network?.podPrefix,
      servicePrefix: spec.network?.servicePrefix,
    },
    url: links.entity(entityRef, 'profile'),
  };
}
