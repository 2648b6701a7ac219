import {
  HealthStatus,
  RolloutGate,
  RolloutGateEvidence,
  RolloutGatePeriod,
  RolloutGateSpec,
  gateAllowedStatuses,
} from '@fleet-portal/plugin-fleet-common';
import { HealthCatalogCluster, profileApplies } from '../health/fleetSnapshot';
import { PromQLClient } from '../health/promql/PromQLClient';
import { ResolvedSignal } from '../health/signals';
import {
  clusterTimeline,
  ClusterTimeline,
  periodsOutside,
  SignalSamples,
  soakStepSeconds,
  stepTimes,
  worstSince,
} from './timeline';
import { formatDays, formatPeriod } from './words';

const DAY = 86400;
/** Points per series of a range query: a 5-day soak (10-day window) reads at 30-minute steps. */
export const SOAK_MAX_POINTS = 500;
/** The window reaches back past the soak to show how long a wave has been healthy, but not far. */
const MAX_EXTRA_DAYS = 14;
const MIN_WINDOW_SECONDS = 3600;
/** Periods listed in the evidence, worst first. */
const MAX_PERIODS = 20;

/** A cluster of the wave as the gate needs it. */
export type GateCluster = {
  name: string;
  version?: string;
  /** When it moved to its version; undefined when not recorded. */
  since?: Date;
  catalog: HealthCatalogCluster;
};

export type GateInput = {
  wave: string;
  targetVersion: string;
  gate: RolloutGateSpec;
  clusters: readonly GateCluster[];
  signals: readonly ResolvedSignal[];
  clients: ReadonlyMap<string, PromQLClient>;
  now: Date;
  /** The wave has no gate: the next may follow once every cluster is on the target version. */
  withoutSoak?: boolean;
};

/** What the soak window showed for one cluster. */
export type ClusterSoak = {
  worstSinceMoved?: HealthStatus;
  healthyDays?: number;
};

export type GateResult = {
  gate: RolloutGate;
  clusters: Map<string, ClusterSoak>;
};

const rankOf: Record<HealthStatus, number> = {
  critical: 0,
  warning: 1,
  unknown: 2,
  ok: 3,
};

/**
 * Judges a wave's gate from the metrics history: one range query per signal over the soak window,
 * restricted to the wave's clusters (never one per cluster). Open only when every cluster runs
 * the target version and has stayed within the allowed statuses for soakDays; closed, with the
 * reason in words, when a cluster is behind, soaked too briefly or left the allowed statuses inside
 * the window; unknown when data is missing (a source down, a series absent or a gap) — never open.
 */
export async function evaluateGate(input: GateInput): Promise<GateResult> {
  const { wave, targetVersion, gate, clusters, now } = input;
  const allowed = gateAllowedStatuses(gate);
  const soakSeconds = gate.soakDays * DAY;
  const end = Math.floor(now.getTime() / 1000);
  const onTarget = clusters.filter(c => c.version === targetVersion);
  const counts = `${wave}: ${onTarget.length} of ${clusters.length} on ${targetVersion}`;
  const evidence: RolloutGateEvidence = {
    wave,
    targetVersion,
    soakDays: gate.soakDays,
    allowedStatuses: allowed,
    clusters: clusters.length,
    onTarget: onTarget.length,
    windowEnd: now.toISOString(),
    periods: [],
    signals: [],
    sources: [],
    queries: 0,
    evaluatedAt: now.toISOString(),
  };
  const result = (
    verdict: RolloutGate['verdict'],
    reason: string,
    soaks = new Map<string, ClusterSoak>(),
  ): GateResult => ({
    gate: { wave, verdict, reason, evidence },
    clusters: soaks,
  });

  if (clusters.length === 0) {
    return result('open', `${wave}: no clusters — open`);
  }
  const behind = clusters.filter(c => c.version !== targetVersion);
  if (behind.length > 0) {
    return result(
      'closed',
      `${counts} — closed (${behind
        .slice(0, 3)
        .map(c => `${c.name} runs ${c.version ?? 'no version'}`)
        .join(', ')}${
        behind.length > 3 ? `, and ${behind.length - 3} more` : ''
      })`,
    );
  }
  if (input.withoutSoak) {
    return result('open', `${counts}, no gate after this wave — open`);
  }
  const unrecorded = clusters.filter(c => !c.since);
  if (unrecorded.length > 0) {
    return result(
      'unknown',
      `${counts}; when ${unrecorded[0].name} moved to ${targetVersion} is not recorded (spec.rollout.versionSince) — unknown`,
    );
  }

  const earliest = Math.min(...clusters.map(c => c.since!.getTime() / 1000));
  // back to the earliest move, to show how long the wave has been healthy, but not far past the soak
  const sinceEarliest = Math.min(
    Math.max(end - earliest, 0),
    2 * soakSeconds,
    soakSeconds + MAX_EXTRA_DAYS * DAY,
  );
  const windowSeconds = Math.max(
    soakSeconds,
    sinceEarliest,
    MIN_WINDOW_SECONDS,
  );
  const step = soakStepSeconds(windowSeconds, SOAK_MAX_POINTS);
  const start = end - windowSeconds;
  const times = stepTimes(start, end, step);
  evidence.windowStart = new Date(times[0] * 1000).toISOString();

  const read = await readWave(input, times, step);
  evidence.queries = read.queries;
  evidence.signals = read.samples.map(s => s.signal.id);
  evidence.sources = [...read.sources.entries()].map(([name, failure]) =>
    failure
      ? { name, status: 'down' as const, message: failure }
      : { name, status: 'up' as const },
  );

  const soaks = new Map<string, ClusterSoak>();
  const bad: RolloutGatePeriod[] = [];
  const gaps: RolloutGatePeriod[] = [];
  let shortest: { cluster: string; days: number } | undefined;
  const soakStart = end - soakSeconds;
  for (const cluster of clusters) {
    const since = Math.floor(cluster.since!.getTime() / 1000);
    const applicable = read.samples.filter(s =>
      appliesTo(s, cluster, read.samples),
    );
    const timeline = clusterTimeline(cluster.name, times, applicable);
    const from = Math.max(since, times[0]);
    const periods = periodsOutside(timeline, allowed, from);
    const cleanFrom = Math.max(
      from,
      ...periods.map(p => Date.parse(p.end) / 1000 + step),
    );
    const days = Math.max(0, end - cleanFrom) / DAY;
    soaks.set(cluster.name, {
      worstSinceMoved: worstSince(timeline, from),
      healthyDays: days,
    });
    if (!shortest || days < shortest.days) {
      shortest = { cluster: cluster.name, days };
    }
    // only what lies inside the soak that decides the verdict counts against it
    const inSoak = periods.filter(
      p => Date.parse(p.end) / 1000 >= Math.max(since, soakStart),
    );
    bad.push(...inSoak.filter(p => p.status !== 'unknown'));
    gaps.push(...inSoak.filter(p => p.status === 'unknown'));
    evidence.periods.push(...periods);
  }
  evidence.periods = sortPeriods(evidence.periods).slice(0, MAX_PERIODS);
  evidence.healthyDays = shortest!.days;
  evidence.leastSoakedCluster = shortest!.cluster;

  const healthy = `healthy for ${formatDays(shortest!.days)} of ${formatDays(
    gate.soakDays,
  )}`;
  if (bad.length > 0) {
    const worst = sortPeriods(bad)[0];
    return result(
      'closed',
      `${counts}, ${formatPeriod(worst)} — closed`,
      soaks,
    );
  }
  const tooShort = clusters.filter(c => c.since!.getTime() / 1000 > soakStart);
  if (tooShort.length > 0 && gaps.length === 0) {
    return result('closed', `${counts}, ${healthy} — closed`, soaks);
  }
  if (gaps.length > 0) {
    const failures = [...read.sources.entries()].filter(([, f]) => f);
    const why =
      failures.length > 0
        ? failures
            .map(([name, f]) => `metrics source ${name} failed: ${f}`)
            .join('; ')
        : formatPeriod(sortPeriods(gaps)[0], 'no data for');
    if (tooShort.length > 0) {
      return result(
        'closed',
        `${counts}, on ${targetVersion} for ${formatDays(
          (end - Math.max(...tooShort.map(c => c.since!.getTime() / 1000))) /
            DAY,
        )} of ${formatDays(gate.soakDays)}; health unknown (${why}) — closed`,
        soaks,
      );
    }
    return result(
      'unknown',
      `${counts}, health unknown: ${why} — unknown`,
      soaks,
    );
  }
  return result('open', `${counts}, ${healthy} — open`, soaks);
}

function sortPeriods(periods: RolloutGatePeriod[]): RolloutGatePeriod[] {
  return [...periods].sort(
    (a, b) =>
      // worst first, then the latest (ISO instants order like their strings)
      rankOf[a.status] - rankOf[b.status] || b.end.localeCompare(a.end),
  );
}

/**
 * Whether a signal counts for a cluster: by its profile's components, and when the profile does
 * not say, when the cluster reports it or no other signal of its role.
 */
function appliesTo(
  samples: SignalSamples,
  cluster: GateCluster,
  all: readonly SignalSamples[],
): boolean {
  const applies = profileApplies(samples.signal, cluster.catalog);
  if (applies === true) return true;
  if (applies !== undefined) return false;
  const reports = (s: SignalSamples) =>
    s.byCluster?.get(cluster.name)?.some(Number.isFinite) ?? false;
  if (reports(samples) || !samples.signal.role) return true;
  return !all.some(
    other =>
      other !== samples &&
      other.signal.role === samples.signal.role &&
      reports(other),
  );
}

type WaveRead = {
  samples: SignalSamples[];
  /** Source name → why a query to it failed, or undefined when every query succeeded. */
  sources: Map<string, string | undefined>;
  queries: number;
};

/** One range query per signal that applies to some cluster of the wave, over `times`. */
async function readWave(
  input: GateInput,
  times: readonly number[],
  step: number,
): Promise<WaveRead> {
  const names = input.clusters.map(c => c.name);
  const nameSet = new Set(names);
  const sources = new Map<string, string | undefined>();
  const relevant = input.signals.filter(signal =>
    input.clusters.some(c => {
      const applies = profileApplies(signal, c.catalog);
      return applies === true || applies === undefined;
    }),
  );
  const first = times[0];
  const start = new Date(first * 1000);
  const end = new Date(times[times.length - 1] * 1000);
  const samples = await Promise.all(
    relevant.map(async (signal): Promise<SignalSamples> => {
      const client = input.clients.get(signal.source)!;
      const label = client.source.clusterLabel;
      const query = signal.clustersQuery
        ? signal.clustersQuery(names)
        : signal.query;
      const outcome = await client.range(query, start, end, step);
      if (!outcome.ok) {
        sources.set(signal.source, outcome.error);
        return { signal };
      }
      if (outcome.warnings.length > 0) {
        sources.set(
          signal.source,
          `a partial response (${outcome.warnings.join('; ')})`,
        );
        return { signal };
      }
      if (!sources.has(signal.source)) sources.set(signal.source, undefined);
      const byCluster = new Map<string, Float64Array>();
      for (const series of outcome.data) {
        const cluster = series.labels[label];
        if (!cluster || !nameSet.has(cluster)) continue;
        let values = byCluster.get(cluster);
        if (!values) {
          values = new Float64Array(times.length).fill(NaN);
          byCluster.set(cluster, values);
        }
        for (const point of series.points) {
          const index = Math.round((point.time - first) / step);
          if (
            index >= 0 &&
            index < times.length &&
            Number.isFinite(point.value)
          ) {
            values[index] = point.value;
          }
        }
      }
      return { signal, byCluster };
    }),
  );
  return { samples, sources, queries: relevant.length };
}

export type { ClusterTimeline };
