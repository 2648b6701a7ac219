import { Registry } from 'prom-client';

/** Adds one metric family to a registry; each source of gauges contributes its own. */
export type MetricFamily = (registry: Registry) => void;

export type Exposition = { contentType: string; body: string };

/** The Prometheus text exposition of the families, from a registry of its own (never the global one). */
export async function renderExposition(
  families: readonly MetricFamily[],
): Promise<Exposition> {
  const registry = new Registry();
  for (const addFamily of families) {
    addFamily(registry);
  }
  return { contentType: registry.contentType, body: await registry.metrics() };
}
