import type { LifecycleStatus } from '@fleet-portal/plugin-fleet-common';

export const STATUS_LABELS: Record<LifecycleStatus, string> = {
  retired: 'Retired',
  'review-overdue': 'Review overdue',
  'retiring-soon': 'Retiring soon',
  'review-due': 'Review due',
  ok: 'OK',
  unknown: 'Unknown',
};

/** "12 days left", "due today", "3 days overdue"; undefined when there is no date. */
export function formatDaysLeft(
  daysLeft: number | undefined,
): string | undefined {
  if (daysLeft === undefined) return undefined;
  if (daysLeft === 0) return 'due today';
  const days = Math.abs(daysLeft);
  const unit = days === 1 ? 'day' : 'days';
  return daysLeft > 0 ? `${days} ${unit} left` : `${days} ${unit} overdue`;
}
