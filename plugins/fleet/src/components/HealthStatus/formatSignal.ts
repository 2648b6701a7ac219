import {
  formatSignalValue,
  type SignalDefinition,
} from '@fleet-portal/plugin-fleet-common';

// Values are formatted by fleet-common's formatSignalValue, which the backend's verdict reasons
// use too, so that the page and the sentences under it agree.
export { formatSignalValue };

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
