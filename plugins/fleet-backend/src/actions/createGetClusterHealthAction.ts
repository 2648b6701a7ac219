import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ClusterHealth,
  fleetHealthReadPermission,
  HEALTH_STATUS_ORDER,
  HealthStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { HealthService } from '../health/HealthService';
import type { FleetHealthView } from '../health/views/FleetHealthView';
import { fullRef, refKey } from '../lifecycle/refs';
import { clusterInput } from './lifecycleSchemas';
import type { PortalLinks } from '@fleet-portal/plugin-fleet-node';
import { requirePermission } from './requirePermission';

const HEALTH_STATUSES = HEALTH_STATUS_ORDER as [
  HealthStatus,
  ...HealthStatus[],
];

export type GetClusterHealthActionOptions = {
  actionsRegistry: ActionsRegistryService;
  permissions: PermissionsService;
  /** Absent when `fleet.health` configures no metrics source. */
  health?: HealthService;
  links: PortalLinks;
};

/**
 * `fleet:get-cluster-health`: one cluster's health verdicts from the central metrics store, from
 * the same judged and indexed round as the fleet health page's views (an agent's question sends
 * no queries of its own to the metrics store and builds no fleet-wide export).
 */
export function createGetClusterHealthAction(
  options: GetClusterHealthActionOptions,
) {
  const { actionsRegistry, permissions, health, links } = options;
  actionsRegistry.register({
    name: 'get-cluster-health',
    title: "Get a cluster's health verdicts",
    description:
      "Gives one Kubernetes cluster's fleet health as judged from the central metrics store: an overall status (critical, warning, unknown, ok — the worst signal) and a verdict per signal (API server availability, node readiness and pressure, restarts, volumes, certificate expiry, GitOps sync, admission controller, CNI, backup freshness) with the value, the threshold crossed and a sentence saying why. Unknown is never a guess: its reason says what is missing (source down, stale or no data). A cluster that reports metrics without a catalog entity can be asked for by its name (registered: false).",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ cluster: clusterInput(z) }).strict(),
      output: z =>
        z.object({
          cluster: z.string().describe('The cluster label value (entity name)'),
          entityRef: z.string().optional(),
          registered: z
            .boolean()
            .describe(
              'False for a cluster that reports metrics but is not in the catalog',
            ),
          environment: z.string().optional(),
          status: z.enum(HEALTH_STATUSES).describe('The worst signal status'),
          worstSignal: z
            .string()
            .optional()
            .describe('Id of the signal that decided the status'),
          generatedAt: z
            .string()
            .describe('When the metrics were read (ISO 8601)'),
          signals: z.array(
            z.object({
              signal: z.string().describe('Signal id, e.g. certificate-expiry'),
              title: z.string(),
              status: z
                .string()
                .describe(
                  'critical, warning, unknown or ok; not-applicable when the signal measures a component the profile does not have',
                ),
              value: z.number().optional(),
              unit: z.string(),
              threshold: z
                .number()
                .optional()
                .describe(
                  'The threshold crossed, or the warning threshold when ok',
                ),
              reason: z.string(),
              sampleTime: z.string().optional(),
              source: z.string().describe('The metrics source'),
            }),
          ),
          sources: z.array(
            z.object({
              name: z.string(),
              type: z.string(),
              status: z.enum(['up', 'degraded', 'down']),
              message: z.string().optional(),
            }),
          ),
          url: z
            .string()
            .describe(
              'The fleet health tab of the cluster (or the fleet health page)',
            ),
        }),
    },
    examples: [
      {
        title: 'Health of a production cluster',
        input: { cluster: 'prd-euw1-checkout-01' },
      },
    ],
    action: async ({ input, credentials }) => {
      await requirePermission(
        permissions,
        credentials,
        fleetHealthReadPermission,
        'read fleet health',
      );
      if (!health) {
        throw new ServiceUnavailableError(
          'Fleet health is not configured: the portal has no metrics source (fleet.health.sources)',
        );
      }
      // the health views' index of this round for the caller: one cluster's row, no export
      const view = await health.view(credentials);
      const cluster = findCluster(view, input.cluster);
      if (!cluster) {
        throw new NotFoundError(
          `No cluster ${input.cluster} in the catalog or the metrics (or you may not see it)`,
        );
      }
      const { sources, signals } = view.summary();
      const definitions = new Map(signals.map(s => [s.id, s]));
      return {
        output: {
          cluster: cluster.cluster,
          entityRef: cluster.entityRef,
          registered: cluster.entityRef !== undefined,
          environment: cluster.environment,
          status: cluster.status,
          worstSignal: cluster.worstSignal,
          generatedAt: view.generatedAt,
          signals: cluster.signals.map(verdict => ({
            signal: verdict.signal,
            title: definitions.get(verdict.signal)?.title ?? verdict.signal,
            status: verdict.status,
            value: Number.isFinite(verdict.value) ? verdict.value : undefined,
            unit: definitions.get(verdict.signal)?.unit ?? '',
            threshold: verdict.threshold,
            reason: verdict.reason,
            sampleTime: verdict.sampleTime,
            source: verdict.source,
          })),
          sources: sources.map(source => ({
            name: source.name,
            type: source.type,
            status: source.status,
            message: source.message,
          })),
          url: cluster.entityRef
            ? links.entity(cluster.entityRef, 'health')
            : links.fleetHealth(),
        },
      };
    },
  });
}

/**
 * The catalog cluster the input names (its label is the entity name), or an unregistered one by
 * its cluster label.
 */
function findCluster(
  view: FleetHealthView,
  wanted: string,
): ClusterHealth | undefined {
  const ref = fullRef(wanted, 'resource');
  const key = refKey(ref);
  let name = wanted;
  try {
    name = parseEntityRef(ref).name;
  } catch {
    // not a ref: only an unregistered cluster's label can match
  }
  const { items } = view.page({
    cluster: [...new Set([name, wanted])],
    limit: 100,
  });
  return (
    items.find(c => c.entityRef !== undefined && refKey(c.entityRef) === key) ??
    items.find(c => !c.entityRef && c.cluster === wanted)
  );
}
