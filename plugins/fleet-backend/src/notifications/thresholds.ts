import { daysBetween, isCalendarDate } from '../lifecycle/dates';

export type DateKind = 'review' | 'retire';

/** A point ahead of (or past) a date at which the owner is told; `past` once the date has gone by. */
export type Threshold = '90d' | '30d' | '7d' | 'past';

const THRESHOLD_DAYS: Record<DateKind, Array<[Threshold, number]>> = {
  // Most urgent first.
  review: [
    ['7d', 7],
    ['30d', 30],
  ],
  retire: [
    ['7d', 7],
    ['30d', 30],
    ['90d', 90],
  ],
};

export type DueNotice = {
  kind: DateKind;
  date: string;
  threshold: Threshold;
  daysLeft: number;
};

/**
 * The most urgent threshold the date has reached on `today`, if any. Only that one is ever sent,
 * so a cluster first seen overdue gets one notification, not three.
 */
export function dueNotice(
  kind: DateKind,
  date: string | undefined,
  today: string,
): DueNotice | undefined {
  if (!isCalendarDate(date)) {
    return undefined;
  }
  const daysLeft = daysBetween(today, date);
  if (daysLeft < 0) {
    return { kind, date, threshold: 'past', daysLeft };
  }
  const reached = THRESHOLD_DAYS[kind].find(([, days]) => daysLeft <= days);
  return reached && { kind, date, threshold: reached[0], daysLeft };
}
