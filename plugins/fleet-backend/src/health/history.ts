import { CacheService } from '@backstage/backend-plugin-api';
import { HealthHistoryPoint } from '@fleet-portal/plugin-fleet-common';
import { PromQLClient } from './promql/PromQLClient';
import { ResolvedSignal } from './signals';

const MIN_STEP_SECONDS = 15;

/** A step that keeps a range under `maxPoints` points, rounded up to whole minutes past one minute. */
export function historyStepSeconds(
  rangeSeconds: number,
  maxPoints: number,
): number {
  const raw = Math.max(MIN_STEP_SECONDS, Math.ceil(rangeSeconds / maxPoints));
  return raw > 60 ? Math.ceil(raw / 60) * 60 : raw;
}

export type ClusterHistory = {
  points: Record<string, HealthHistoryPoint[]>;
  /** Source name → why a range query failed. */
  failures: Map<string, string>;
};

type Options = {
  cluster: string;
  signals: readonly ResolvedSignal[];
  clients: ReadonlyMap<string, PromQLClient>;
  cache: CacheService;
  ttlMs: number;
  start: Date;
  end: Date;
  stepSeconds: number;
};

/**
 * One range query per signal, restricted to the cluster when the signal's query is a template
 * (the defaults are); a configured query without `$filter` is sent as is and the cluster's series
 * picked from the answer. Non-finite points are left out: JSON cannot carry them.
 */
export async function readHistory(options: Options): Promise<ClusterHistory> {
  const key = `fleet-health:history:${options.cluster}`;
  if (options.ttlMs > 0) {
    const cached = (await options.cache.get(key)) as
      | { points: ClusterHistory['points']; failures: Array<[string, string]> }
      | undefined;
    if (cached) {
      return { points: cached.points, failures: new Map(cached.failures) };
    }
  }
  const failures = new Map<string, string>();
  const entries = await Promise.all(
    options.signals.map(async signal => {
      const client = options.clients.get(signal.source)!;
      const label = client.source.clusterLabel;
      const query = signal.clusterQuery
        ? signal.clusterQuery(options.cluster)
        : signal.query;
      const outcome = await client.range(
        query,
        options.start,
        options.end,
        options.stepSeconds,
      );
      if (!outcome.ok) {
        failures.set(signal.source, outcome.error);
        return [signal.id, []] as const;
      }
      const series = outcome.data.find(
        s => s.labels[label] === options.cluster,
      );
      const points: HealthHistoryPoint[] = (series?.points ?? [])
        .filter(p => Number.isFinite(p.value))
        .map(p => ({
          time: new Date(p.time * 1000).toISOString(),
          value: p.value,
        }));
      return [signal.id, points] as const;
    }),
  );
  const history = { points: Object.fromEntries(entries), failures };
  if (options.ttlMs > 0 && failures.size === 0) {
    await options.cache.set(
      key,
      { points: history.points, failures: [] } as any,
      { ttl: options.ttlMs },
    );
  }
  return history;
}
