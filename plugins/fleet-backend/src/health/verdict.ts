import {
  formatSignalValue,
  HEALTH_STATUS_ORDER,
  HealthStatus,
  SignalDefinition,
  SignalVerdict,
} from '@fleet-portal/plugin-fleet-common';

type Threshold = 'critical' | 'warning';

/** Thresholds are inclusive: with direction `above`, a value at the threshold crosses it. */
function crosses(
  direction: SignalDefinition['thresholds']['direction'],
  limit: number | undefined,
  value: number,
): boolean {
  return (
    limit !== undefined &&
    (direction === 'above' ? value >= limit : value <= limit)
  );
}

/** Which threshold a value crosses, the critical one first. */
export function crossedThreshold(
  signal: Pick<SignalDefinition, 'thresholds'>,
  value: number,
): Threshold | undefined {
  const { direction, warning, critical } = signal.thresholds;
  if (crosses(direction, critical, value)) return 'critical';
  if (crosses(direction, warning, value)) return 'warning';
  return undefined;
}

/** The status of a value against the signal's thresholds; unknown for a value that is not finite. */
export function statusOfValue(
  signal: Pick<SignalDefinition, 'thresholds'>,
  value: number,
): HealthStatus {
  if (!Number.isFinite(value)) return 'unknown';
  return crossedThreshold(signal, value) ?? 'ok';
}

/**
 * The value as the reason shows it, in the signal's unit. Rounded as everywhere (a count is a
 * whole number), unless it would then read as a threshold the value does not cross: 19.99
 * restarts is not "20 restarts" when 20 is the critical threshold.
 */
function shownValue(signal: SignalDefinition, value: number): string {
  const rounded = formatSignalValue(value, signal.unit);
  const { direction, warning, critical } = signal.thresholds;
  const looksCrossed = [warning, critical].some(
    limit =>
      limit !== undefined &&
      formatSignalValue(limit, signal.unit) === rounded &&
      !crosses(direction, limit, value),
  );
  return looksCrossed
    ? formatSignalValue(value, signal.unit, { precise: true })
    : rounded;
}

/** The verdict of one value against a signal's thresholds (see crossedThreshold). */
export function judgeValue(
  signal: SignalDefinition,
  value: number,
  sampleTime: Date,
): SignalVerdict {
  const base = {
    signal: signal.id,
    source: signal.source,
    sampleTime: sampleTime.toISOString(),
  };
  if (!Number.isFinite(value)) {
    return {
      ...base,
      status: 'unknown',
      reason: `The query returned ${value}, not a finite number`,
    };
  }
  const { direction, warning, critical } = signal.thresholds;
  const shown = shownValue(signal, value);
  const threshold = (limit: number) => formatSignalValue(limit, signal.unit);
  const relation = direction === 'above' ? 'at or above' : 'at or below';
  const crossed = crossedThreshold(signal, value);
  if (crossed) {
    const limit = crossed === 'critical' ? critical! : warning!;
    return {
      ...base,
      status: crossed,
      value,
      threshold: limit,
      reason: `${shown} is ${relation} the ${crossed} threshold ${threshold(
        limit,
      )}`,
    };
  }
  const nearest = warning ?? critical!;
  return {
    ...base,
    status: 'ok',
    value,
    threshold: nearest,
    reason: `${shown} is ${direction === 'above' ? 'below' : 'above'} the ${
      warning !== undefined ? 'warning' : 'critical'
    } threshold ${threshold(nearest)}`,
  };
}

export function unknownVerdict(
  signal: SignalDefinition,
  reason: string,
  sampleTime?: Date,
): SignalVerdict {
  return {
    signal: signal.id,
    source: signal.source,
    status: 'unknown',
    reason,
    ...(sampleTime ? { sampleTime: sampleTime.toISOString() } : {}),
  };
}

/** The signal measures a component the cluster does not run; `why` says how that is known. */
export function notApplicableVerdict(
  signal: SignalDefinition,
  why: string,
): SignalVerdict {
  return {
    signal: signal.id,
    source: signal.source,
    status: 'not-applicable',
    reason: `Not applicable: ${why}`,
  };
}

/**
 * The worst status among verdicts and the first signal that has it (none when all are ok).
 * Not-applicable verdicts do not count.
 */
export function worstOf(
  verdicts: readonly Pick<SignalVerdict, 'signal' | 'status'>[],
): {
  status: HealthStatus;
  worstSignal?: string;
} {
  for (const status of HEALTH_STATUS_ORDER) {
    const found = verdicts.find(v => v.status === status);
    if (found) {
      return status === 'ok'
        ? { status }
        : { status, worstSignal: found.signal };
    }
  }
  // No signal enabled or applicable: nothing is known about the cluster.
  return { status: 'unknown' };
}
