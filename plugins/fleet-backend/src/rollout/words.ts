import { RolloutGatePeriod } from '@fleet-portal/plugin-fleet-common';

/** Days for people, rounded down so a soak is never overstated: `6 d`, `3.5 d`, `18 h`. */
export function formatDays(days: number): string {
  if (days >= 1 || days === 0) {
    return `${Math.floor(days * 10) / 10} d`;
  }
  return `${Math.floor(days * 24)} h`;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function time(iso: string): string {
  return iso.slice(11, 16);
}

/**
 * A period in words (UTC): `critical on prd-euw1-x-01 on 2026-12-03 09:00–11:00 (node-readiness)`,
 * or `from … to …` when it spans days. `what` replaces the status (e.g. `no data for`).
 */
export function formatPeriod(period: RolloutGatePeriod, what?: string): string {
  const subject = what
    ? `${what} ${period.cluster}`
    : `${period.status} on ${period.cluster}`;
  const when =
    day(period.start) === day(period.end)
      ? `on ${day(period.start)} ${time(period.start)}–${time(period.end)}`
      : `from ${day(period.start)} ${time(period.start)} to ${day(
          period.end,
        )} ${time(period.end)}`;
  return `${subject} ${when} UTC${period.signal ? ` (${period.signal})` : ''}`;
}
