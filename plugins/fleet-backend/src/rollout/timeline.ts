import {
  HEALTH_STATUS_ORDER,
  HealthStatus,
  RolloutAllowedStatus,
  RolloutGatePeriod,
} from '@fleet-portal/plugin-fleet-common';
import { ResolvedSignal } from '../health/signals';
import { statusOfValue } from '../health/verdict';

/** Steps of a soak window's range queries: round numbers, so periods read as 09:00–11:00. */
const NICE_STEPS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600];

/** The smallest round step that keeps `rangeSeconds` within `maxPoints` points. */
export function soakStepSeconds(
  rangeSeconds: number,
  maxPoints: number,
): number {
  const raw = Math.ceil(rangeSeconds / maxPoints);
  return NICE_STEPS.find(step => step >= raw) ?? Math.ceil(raw / 3600) * 3600;
}

/** Evaluation times (epoch seconds) from `start` to `end`, on multiples of `step`. */
export function stepTimes(start: number, end: number, step: number): number[] {
  const times: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) {
    times.push(t);
  }
  return times;
}

/**
 * A signal's values per cluster at the evaluation times (same index as the times; NaN where there
 * is no sample); `byCluster` is undefined when the query failed.
 */
export type SignalSamples = {
  signal: ResolvedSignal;
  byCluster?: ReadonlyMap<string, Float64Array>;
};

/** The status of one cluster at each step, and the signal that decided it. */
export type ClusterTimeline = {
  cluster: string;
  times: readonly number[];
  statuses: HealthStatus[];
  signals: Array<string | undefined>;
};

const RANK = Object.fromEntries(
  HEALTH_STATUS_ORDER.map((status, i) => [status, i]),
) as Record<HealthStatus, number>;
const rank = (status: HealthStatus) => RANK[status];

/**
 * The worst status over the signals that apply to the cluster at each step. A step without a
 * sample of an applicable signal is `unknown`: a gap is never read as healthy.
 */
export function clusterTimeline(
  cluster: string,
  times: readonly number[],
  samples: readonly SignalSamples[],
): ClusterTimeline {
  const statuses: HealthStatus[] = [];
  const signals: Array<string | undefined> = [];
  const series = samples.map(s => s.byCluster?.get(cluster));
  for (let i = 0; i < times.length; i++) {
    let worst: HealthStatus = samples.length === 0 ? 'unknown' : 'ok';
    let decidedBy: string | undefined;
    for (let j = 0; j < samples.length; j++) {
      const signal = samples[j].signal;
      const value = series[j]?.[i] ?? NaN;
      // statusOfValue reads a value that is not finite (no sample) as unknown
      const status = statusOfValue(signal, value);
      if (rank(status) < rank(worst)) {
        worst = status;
        decidedBy = signal.id;
      }
    }
    statuses.push(worst);
    signals.push(decidedBy);
  }
  return { cluster, times, statuses, signals };
}

/** Stretches of consecutive steps from `from` (epoch seconds) on whose status is not allowed. */
export function periodsOutside(
  timeline: ClusterTimeline,
  allowed: readonly RolloutAllowedStatus[],
  from: number,
): RolloutGatePeriod[] {
  const periods: RolloutGatePeriod[] = [];
  let open:
    | { start: number; end: number; status: HealthStatus; signal?: string }
    | undefined;
  const close = () => {
    if (open) {
      periods.push({
        cluster: timeline.cluster,
        status: open.status,
        ...(open.signal ? { signal: open.signal } : {}),
        start: new Date(open.start * 1000).toISOString(),
        end: new Date(open.end * 1000).toISOString(),
      });
      open = undefined;
    }
  };
  timeline.times.forEach((time, i) => {
    const status = timeline.statuses[i];
    if (time < from || (allowed as readonly string[]).includes(status)) {
      close();
      return;
    }
    if (!open) {
      open = { start: time, end: time, status, signal: timeline.signals[i] };
      return;
    }
    open.end = time;
    if (rank(status) < rank(open.status)) {
      open.status = status;
      open.signal = timeline.signals[i];
    }
  });
  close();
  return periods;
}

/** The worst status at the steps from `from` on; undefined when there is none. */
export function worstSince(
  timeline: ClusterTimeline,
  from: number,
): HealthStatus | undefined {
  let worst: HealthStatus | undefined;
  timeline.times.forEach((time, i) => {
    const status = timeline.statuses[i];
    if (time >= from && (worst === undefined || rank(status) < rank(worst))) {
      worst = status;
    }
  });
  return worst;
}
