import {
  HEALTH_STATUS_ORDER,
  HealthStatus,
  SignalDefinition,
  SignalVerdict,
} from '@fleet-portal/plugin-fleet-common';

/** Numbers as people read them: at most 3 decimals, no trailing zeros. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toFixed(3)));
}

function unitOf(signal: SignalDefinition): string {
  return signal.unit === 'value' || signal.unit === 'ratio'
    ? ''
    : ` ${signal.unit}`;
}

/**
 * The verdict of one value against a signal's thresholds. Thresholds are inclusive: with direction
 * `above`, a value at or above `critical` is critical; with `below`, at or below.
 */
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
  const crosses = (threshold: number | undefined) =>
    threshold !== undefined &&
    (direction === 'above' ? value >= threshold : value <= threshold);
  const shown = `${formatValue(value)}${unitOf(signal)}`;
  const relation = direction === 'above' ? 'at or above' : 'at or below';
  if (crosses(critical)) {
    return {
      ...base,
      status: 'critical',
      value,
      threshold: critical,
      reason: `${shown} is ${relation} the critical threshold ${formatValue(
        critical!,
      )}`,
    };
  }
  if (crosses(warning)) {
    return {
      ...base,
      status: 'warning',
      value,
      threshold: warning,
      reason: `${shown} is ${relation} the warning threshold ${formatValue(
        warning!,
      )}`,
    };
  }
  const nearest = warning ?? critical!;
  return {
    ...base,
    status: 'ok',
    value,
    threshold: nearest,
    reason: `${shown} is ${
      direction === 'above' ? 'below' : 'above'
    } the warning threshold ${formatValue(nearest)}`,
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

/** The worst status among verdicts and the first signal that has it (none when all are ok). */
export function worstOf(verdicts: readonly SignalVerdict[]): {
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
  // No signal enabled: nothing is known about the cluster.
  return { status: 'unknown' };
}
