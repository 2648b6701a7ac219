import type {
  RolloutWave,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Days as people say them, rounded down as the gate's own words are (a soak is never overstated):
 * "6.8 d", "12 d", "18 h", "less than an hour".
 */
export function formatDays(days: number): string {
  if (days < 1 / 24) return 'less than an hour';
  if (days < 1) return `${Math.floor(days * 24)} h`;
  return days < 10
    ? `${Math.floor(days * 10) / 10} d`
    : `${Math.floor(days)} d`;
}

/** `YYYY-MM-DD` of a versionSince (a date or an instant), with how long ago; undefined when unreadable. */
export function formatSince(value: string | undefined, now = Date.now()) {
  if (!value) return undefined;
  const time = Date.parse(
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value,
  );
  if (Number.isNaN(time)) return { date: value, ago: undefined };
  return {
    date: new Date(time).toISOString().slice(0, 10),
    ago: now >= time ? formatDays((now - time) / DAY) : undefined,
  };
}

export type WaveState = 'done' | 'next' | 'waiting';

/** Done (every cluster on target), the next to promote, or not reached yet. */
export function waveState(view: RolloutView, wave: RolloutWave): WaveState {
  if (wave.name === view.nextWave) return 'next';
  const next = view.waves.find(w => w.name === view.nextWave);
  if (!next || wave.position < next.position) return 'done';
  return 'waiting';
}

export const WAVE_STATE_LABELS: Record<WaveState, string> = {
  done: 'Done',
  next: 'Next',
  waiting: 'Not reached yet',
};

/** "2 of 2 on 3.2.0". */
export function progressText(
  onTarget: number,
  total: number,
  version: string,
): string {
  return `${onTarget} of ${total} on ${version}`;
}
