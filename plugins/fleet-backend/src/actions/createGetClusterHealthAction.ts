import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  ClusterHealth,
  fleetHealthReadPermission,
  FleetHealthSnapshot,
  HEALTH_STATUS_ORDER,
  HealthStatus,
} from '@fleet-portal/plugin-fleet-common';
import type { HealthService } from '../health/HealthService';
import { fullRef, refKey } from '../lifecycle/refs';
import { clusterInput } from './lifecycleSchemas';
import type { PortalLinks } from './portalLinks';
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
 * the same cached fleet snapshot as the fleet health page (an agent's question never sends
 * queries of its own to the metrics store).
 */
export function createGetClusterHealthAction(
  options: GetClusterHealthActionOptions,
) {
  const { actionsRegistry, permissions, health, links } = options;
  actionsRegistry.register({
    name: 'get-cluster-health',
    title: "Get a cluster's health verdicts",
    description:
      "Gives one Kubernetes cluster's fleet health as judged from the central metrics store: an overall status (critical, warning, unknown, ok — the worst signal) and a verdict per signal (API server availability, node readiness and pressure, restarts, volumes, certificate expiry, GitOps sync, admission controller, CNI, backup freshness) with the value, the threshold crossed and a sentence saying why. Unknown is never a guess: its reason says what is missing (source down, stale or no data). Also gives Kubernetes version drift against the cluster's profile and the share of its series with the required labels. A cluster that reports metrics without a catalog entity can be asked for by its name (registered: false).",
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
          drift: z
            .array(
              z.object({
                component: z.string(),
                observed: z.string(),
                pinned: z.string(),
                allowedRange: z.string().optional(),
                withinAllowedRange: z.boolean().optional(),
              }),
            )
            .describe(
              'Components whose observed version differs from the profile pin',
            ),
          labelCoverage: z
            .object({
              share: z.number().describe('0..1'),
              series: z.number(),
              missingLabels: z.array(z.string()),
            })
            .optional()
            .describe('Share of its series carrying the required labels'),
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
      const snapshot = await health.fleet(credentials);
      const cluster = findCluster(snapshot, input.cluster);
      if (!cluster) {
        throw new NotFoundError(
          `No cluster ${input.cluster} in the catalog or the metrics (or you may not see it)`,
        );
      }
      const definitions = new Map(snapshot.signals.map(s => [s.id, s]));
      const coverage = snapshot.labelCoverage.find(
        c => c.cluster === cluster.cluster,
      );
      return {
        output: {
          cluster: cluster.cluster,
          entityRef: cluster.entityRef,
          registered: cluster.entityRef !== undefined,
          environment: cluster.environment,
          status: cluster.status,
          worstSignal: cluster.worstSignal,
          generatedAt: snapshot.generatedAt,
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
          drift: snapshot.drift
            .filter(d => d.cluster === cluster.cluster)
            .map(d => ({
              component: d.component,
              observed: d.observed,
              pinned: d.pinned,
              allowedRange: d.allowedRange,
              withinAllowedRange: d.withinAllowedRange,
            })),
          labelCoverage: coverage && {
            share: coverage.share,
            series: coverage.series,
            missingLabels: coverage.missingLabels,
          },
          sources: snapshot.sources.map(source => ({
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

/** The catalog cluster the input names, or an unregistered one by its cluster label. */
function findCluster(
  snapshot: FleetHealthSnapshot,
  wanted: string,
): ClusterHealth | undefined {
  const key = refKey(fullRef(wanted, 'resource'));
  return (
    snapshot.clusters.find(
      c => c.entityRef !== undefined && refKey(c.entityRef) === key,
    ) ?? snapshot.clusters.find(c => !c.entityRef && c.cluster === wanted)
  );
}
