import {
  FleetHealthSnapshot,
  HEALTH_STATUS_ORDER,
} from '@fleet-portal/plugin-fleet-common';
import { Gauge } from 'prom-client';
import { MetricFamily } from './exposition';

const SOURCE_VALUE = { up: 1, degraded: 0.5, down: 0 } as const;

/**
 * The health verdicts of a fleet snapshot (served from the snapshot cache: a scrape never sends
 * per-cluster queries). Every status of every cluster and signal has a series (1 for the current one),
 * so alerting can select `status="critical"` and a resolved problem shows as 0 rather than vanishing.
 * A signal that does not apply to a cluster (its profile runs another component) has no series.
 */
export function healthMetricFamilies(
  snapshot: FleetHealthSnapshot,
): MetricFamily[] {
  return [
    registry => {
      const gauge = new Gauge({
        name: 'fleet_cluster_health_status',
        help: '1 for the current verdict (critical, warning, unknown, ok) of a signal of a cluster.',
        labelNames: ['cluster', 'environment', 'signal', 'status'],
        registers: [registry],
      });
      for (const cluster of snapshot.clusters) {
        const environment = cluster.environment ?? '';
        for (const verdict of cluster.signals) {
          if (verdict.status === 'not-applicable') continue;
          for (const status of HEALTH_STATUS_ORDER) {
            gauge.set(
              {
                cluster: cluster.cluster,
                environment,
                signal: verdict.signal,
                status,
              },
              Number(verdict.status === status),
            );
          }
        }
      }
    },
    registry => {
      const gauge = new Gauge({
        name: 'fleet_cluster_signal_value',
        help: 'The value a verdict is based on; absent when there is none (source down, no series, stale).',
        labelNames: ['cluster', 'signal'],
        registers: [registry],
      });
      for (const cluster of snapshot.clusters) {
        for (const verdict of cluster.signals) {
          if (verdict.value !== undefined && Number.isFinite(verdict.value)) {
            gauge.set(
              { cluster: cluster.cluster, signal: verdict.signal },
              verdict.value,
            );
          }
        }
      }
    },
    registry => {
      const gauge = new Gauge({
        name: 'fleet_cluster_unregistered',
        help: '1 for a cluster that reports metrics but has no catalog entity.',
        labelNames: ['cluster'],
        registers: [registry],
      });
      for (const cluster of snapshot.unregistered) {
        gauge.set({ cluster }, 1);
      }
    },
    registry => {
      const gauge = new Gauge({
        name: 'fleet_metrics_source_up',
        help: '1 when the metrics source answered every query of the last snapshot, 0.5 when degraded, 0 when down.',
        labelNames: ['source', 'type'],
        registers: [registry],
      });
      for (const source of snapshot.sources) {
        gauge.set(
          { source: source.name, type: source.type },
          SOURCE_VALUE[source.status],
        );
      }
    },
  ];
}
