import type { MetricsSourceState } from '@fleet-portal/plugin-fleet-common';

/**
 * Why facts derived from the store (label coverage, drift, unregistered clusters) cannot be trusted
 * to be complete, or undefined when every source is up. An empty list is then "unknown", not "none".
 */
export function sourcesTrouble(
  sources: MetricsSourceState[],
): string | undefined {
  const down = sources.filter(s => s.status === 'down').map(s => s.name);
  if (down.length) {
    return `unknown while metrics source ${down.join(', ')} ${
      down.length === 1 ? 'is' : 'are'
    } unavailable`;
  }
  const degraded = sources.filter(s => s.status === 'degraded');
  if (degraded.length) {
    return `possibly incomplete: metrics source ${degraded
      .map(s => s.name)
      .join(', ')} answered only in part`;
  }
  return undefined;
}
