import { MetricsSourceState } from '@fleet-portal/plugin-fleet-common';
import { HealthConfig } from './config';
import { PromQLClient, QueryOutcome } from './promql/PromQLClient';
import { InstantSample } from './promql/response';
import { ResolvedSignal } from './signals';
import {
  labelContractQuery,
  LabelCounts,
  readLabelContract,
} from './kpi/labelContract';
import { kubernetesVersionQuery, readVersions } from './kpi/versions';

/** A query's answer keyed by cluster, or why there is none. */
export type ClusterValues<T> =
  | { ok: true; byCluster: Map<string, T>; warnings: string[] }
  | { ok: false; error: string };

export type SampleValue = { value: number; time: number };

/** Everything one snapshot asked the metrics sources, before it is joined with the catalog. */
export type MetricsRound = {
  time: Date;
  sources: MetricsSourceState[];
  /** Per signal id. */
  signals: Map<string, ClusterValues<SampleValue>>;
  /** Per source name: newest sample time (seconds) of each cluster. */
  freshness: Map<string, ClusterValues<number>>;
  labelContract?: ClusterValues<LabelCounts>;
  /** Observed Kubernetes versions per cluster. */
  kubernetesVersions?: ClusterValues<string[]>;
};

/** The newest `up` sample of each cluster: when its data last arrived. */
export function freshnessQuery(clusterLabel: string): string {
  return `max by (${clusterLabel}) (timestamp(up{${clusterLabel}!=""}))`;
}

function byCluster<T>(
  outcome: QueryOutcome<InstantSample[]>,
  clusterLabel: string,
  read: (samples: InstantSample[], label: string) => Map<string, T>,
): ClusterValues<T> {
  if (!outcome.ok) return { ok: false, error: outcome.error };
  return {
    ok: true,
    byCluster: read(outcome.data, clusterLabel),
    warnings: outcome.warnings,
  };
}

function valuesByCluster(
  samples: InstantSample[],
  label: string,
): Map<string, SampleValue> {
  const values = new Map<string, SampleValue>();
  for (const sample of samples) {
    const cluster = sample.labels[label];
    if (cluster)
      values.set(cluster, { value: sample.value, time: sample.time });
  }
  return values;
}

/**
 * Sends every query of a snapshot at once: one per enabled signal, one freshness query per source
 * that serves signals, and one each for the label contract and the Kubernetes versions — a number
 * fixed by the configuration, whatever the size of the fleet.
 */
export async function runMetricsRound(
  config: HealthConfig,
  signals: readonly ResolvedSignal[],
  clients: ReadonlyMap<string, PromQLClient>,
  time: Date,
): Promise<MetricsRound> {
  const client = (name: string) => clients.get(name)!;
  const labelOf = (name: string) => client(name).source.clusterLabel;
  const usedSources = [...new Set(signals.map(s => s.source))];

  const signalOutcomes = signals.map(signal =>
    client(signal.source).instant(signal.query, time),
  );
  const freshnessOutcomes = usedSources.map(name =>
    client(name).instant(freshnessQuery(labelOf(name)), time),
  );
  const labelSource = config.labelContract.source;
  const labelOutcome = config.labelContract.enabled
    ? client(labelSource).instant(
        labelContractQuery(
          labelOf(labelSource),
          config.labelContract.requiredLabels,
          config.labelContract.metric,
        ),
        time,
      )
    : undefined;
  const versionSource = config.versions.source;
  const versionOutcome = config.versions.enabled
    ? client(versionSource).instant(
        kubernetesVersionQuery(labelOf(versionSource)),
        time,
      )
    : undefined;

  const [signalResults, freshnessResults, labelResult, versionResult] =
    await Promise.all([
      Promise.all(signalOutcomes),
      Promise.all(freshnessOutcomes),
      labelOutcome,
      versionOutcome,
    ]);

  // Source state from every query sent to it.
  const perSource = new Map<
    string,
    { failures: string[]; warnings: string[]; sent: number }
  >();
  const record = (name: string, outcome?: QueryOutcome<unknown>) => {
    if (!outcome) return;
    const entry = perSource.get(name) ?? {
      failures: [],
      warnings: [],
      sent: 0,
    };
    entry.sent++;
    if (!outcome.ok) entry.failures.push(outcome.error);
    else entry.warnings.push(...outcome.warnings);
    perSource.set(name, entry);
  };
  signals.forEach((s, i) => record(s.source, signalResults[i]));
  usedSources.forEach((name, i) => record(name, freshnessResults[i]));
  record(labelSource, labelResult);
  record(versionSource, versionResult);

  const sources: MetricsSourceState[] = config.sources.map(source => {
    const entry = perSource.get(source.name);
    const state: MetricsSourceState = {
      name: source.name,
      type: source.type,
      status: 'up',
    };
    if (!entry) return state;
    const failures = [...new Set(entry.failures)];
    const warnings = [...new Set(entry.warnings)];
    if (entry.failures.length === entry.sent) {
      state.status = 'down';
      state.message = failures.join('; ');
    } else if (failures.length > 0 || warnings.length > 0) {
      state.status = 'degraded';
      state.message =
        failures.length > 0
          ? `${entry.failures.length} of ${
              entry.sent
            } queries failed: ${failures.join('; ')}`
          : 'partial response: the source answered with warnings';
    }
    if (warnings.length > 0) state.warnings = warnings;
    return state;
  });

  return {
    time,
    sources,
    signals: new Map(
      signals.map((signal, i) => [
        signal.id,
        byCluster(signalResults[i], labelOf(signal.source), valuesByCluster),
      ]),
    ),
    freshness: new Map(
      usedSources.map((name, i) => [
        name,
        byCluster(freshnessResults[i], labelOf(name), (samples, label) => {
          const times = new Map<string, number>();
          for (const [cluster, sample] of valuesByCluster(samples, label)) {
            times.set(cluster, sample.value);
          }
          return times;
        }),
      ]),
    ),
    labelContract: labelResult
      ? byCluster(labelResult, labelOf(labelSource), (samples, label) =>
          readLabelContract(
            samples,
            label,
            config.labelContract.requiredLabels,
          ),
        )
      : undefined,
    kubernetesVersions: versionResult
      ? byCluster(versionResult, labelOf(versionSource), readVersions)
      : undefined,
  };
}
