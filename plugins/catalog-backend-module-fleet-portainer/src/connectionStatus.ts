import type { ObservedClusterStatus } from '@fleet-portal/plugin-fleet-node';
import { EDGE_ENDPOINT_TYPES, PortainerEndpoint } from './portainerApi';

export type ConnectionStatus = {
  status: ObservedClusterStatus;
  statusMessage: string;
  /** Unix seconds of the last check-in (edge) or snapshot (others). */
  lastSeen?: number;
};

/**
 * Whether Portainer is in touch with an environment.
 *
 * Edge agents call in: connected while the last check-in (LastCheckInDate) is at most
 * `maxAgeSeconds` old, by default Portainer's own heartbeat rule — twice the check-in
 * interval plus 20 s; the interval is EdgeCheckinInterval, or Edge.PingInterval in
 * async mode. Age is measured against the answer's QueryDate (Portainer's clock) when
 * present. Other environments are polled by Portainer, whose Status says it (1 up,
 * 2 down).
 */
export function connectionStatus(
  endpoint: PortainerEndpoint,
  options: { maxAgeSeconds?: number; nowSeconds: number },
): ConnectionStatus {
  const snapshots = endpoint.Kubernetes?.Snapshots ?? [];
  const lastSnapshot = Math.max(0, ...snapshots.map(s => s.Time ?? 0));

  if (!(EDGE_ENDPOINT_TYPES as readonly number[]).includes(endpoint.Type)) {
    const lastSeen = lastSnapshot > 0 ? lastSnapshot : undefined;
    if (endpoint.Status === 1) {
      return {
        status: 'connected',
        statusMessage: 'Portainer reports it up',
        lastSeen,
      };
    }
    if (endpoint.Status === 2) {
      return {
        status: 'disconnected',
        statusMessage: 'Portainer reports it down',
        lastSeen,
      };
    }
    return {
      status: 'unknown',
      statusMessage: `Portainer reports status ${endpoint.Status ?? 'none'}`,
      lastSeen,
    };
  }

  const interval =
    (endpoint.Edge?.AsyncMode
      ? endpoint.Edge.PingInterval
      : endpoint.EdgeCheckinInterval) ||
    endpoint.EdgeCheckinInterval ||
    0;
  const lastCheckIn = endpoint.LastCheckInDate ?? 0;
  if (lastCheckIn <= 0) {
    return {
      status: 'disconnected',
      statusMessage: 'the edge agent never checked in',
    };
  }
  const maxAge = options.maxAgeSeconds ?? interval * 2 + 20;
  const now =
    endpoint.QueryDate && endpoint.QueryDate > 0
      ? endpoint.QueryDate
      : options.nowSeconds;
  const age = Math.max(0, Math.round(now - lastCheckIn));
  const rule = `${
    interval > 0 ? `checks in every ${interval} s, ` : ''
  }allowed ${maxAge} s`;
  // No ages in the messages: they would change the facts on every run.
  return age <= maxAge
    ? {
        status: 'connected',
        statusMessage: `edge agent checking in (${rule})`,
        lastSeen: lastCheckIn,
      }
    : {
        status: 'disconnected',
        statusMessage: `no edge check-in since ${new Date(
          lastCheckIn * 1000,
        ).toISOString()} (${rule})`,
        lastSeen: lastCheckIn,
      };
}
