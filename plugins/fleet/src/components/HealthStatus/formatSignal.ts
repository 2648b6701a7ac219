import type { SignalDefinition } from '@fleet-portal/plugin-fleet-common';

const trim = (n: number, digits: number) =>
  Number.isInteger(n) ? String(n) : n.toFixed(digits).replace(/\.?0+$/, '');

/** A value with its unit for people: ratios as percent, counts whole, durations with their unit. */
export function formatSignalValue(
  value: number | undefined,
  unit: string | undefined,
): string {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'ratio':
      return `${trim(value * 100, value * 100 >= 99 ? 2 : 1)} %`;
    case 'percent':
      return `${trim(value, 1)} %`;
    case 'count':
      return trim(value, 1);
    case 'days':
      return `${trim(value, 1)} ${Math.abs(value) === 1 ? 'day' : 'days'}`;
    case 'hours':
      return `${trim(value, 1)} h`;
    case 'seconds':
      return formatSeconds(value);
    case undefined:
    case '':
      return trim(value, 2);
    default:
      return `${trim(value, 2)} ${unit}`;
  }
}

function formatSeconds(seconds: number): string {
  const abs = Math.abs(seconds);
  if (abs < 120) return `${trim(seconds, 1)} s`;
  if (abs < 7200) return `${trim(seconds / 60, 1)} min`;
  if (abs < 172800) return `${trim(seconds / 3600, 1)} h`;
  return `${trim(seconds / 86400, 1)} days`;
}

/** The signal's title, or its id when the snapshot has no definition for it. */
export function signalTitle(
  signals: SignalDefinition[] | undefined,
  id: string | undefined,
): string {
  if (!id) return '—';
  return signals?.find(s => s.id === id)?.title ?? id;
}

/** A sample time as a short local date and time, with the age when it is recent. */
export function formatSampleTime(time: string | undefined): string {
  if (!time) return '—';
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return time;
  return date.toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
}
