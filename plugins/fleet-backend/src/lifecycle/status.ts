import {
  LifecycleStatus,
  RETIRING_SOON_DAYS,
  REVIEW_DUE_DAYS,
} from '@fleet-portal/plugin-fleet-common';
import { daysBetween, isCalendarDate } from './dates';

export type LifecycleDates = { reviewBy?: string; retireBy?: string };

export type StatusResult = {
  status: LifecycleStatus;
  /** Days from today to `statusDate`, negative when past. */
  daysLeft?: number;
  statusDate?: string;
};

type DatedStatus = {
  status: LifecycleStatus;
  date: string | undefined;
  applies: (daysLeft: number) => boolean;
};

/**
 * The status of a cluster on `today`, worst first: a date is past when it lies before today, so a
 * cluster whose review-by date is today is due, not overdue. Invalid dates count as absent.
 */
export function lifecycleStatus(
  dates: LifecycleDates,
  today: string,
): StatusResult {
  const reviewBy = isCalendarDate(dates.reviewBy) ? dates.reviewBy : undefined;
  const retireBy = isCalendarDate(dates.retireBy) ? dates.retireBy : undefined;
  if (!reviewBy && !retireBy) {
    return { status: 'unknown' };
  }

  const rules: DatedStatus[] = [
    { status: 'retired', date: retireBy, applies: days => days < 0 },
    { status: 'review-overdue', date: reviewBy, applies: days => days < 0 },
    {
      status: 'retiring-soon',
      date: retireBy,
      applies: days => days <= RETIRING_SOON_DAYS,
    },
    {
      status: 'review-due',
      date: reviewBy,
      applies: days => days <= REVIEW_DUE_DAYS,
    },
  ];
  for (const { status, date, applies } of rules) {
    if (date) {
      const daysLeft = daysBetween(today, date);
      if (applies(daysLeft)) {
        return { status, daysLeft, statusDate: date };
      }
    }
  }

  // Nothing pressing: count down to whichever date comes first.
  const nearest = [reviewBy, retireBy]
    .filter((date): date is string => date !== undefined)
    .sort()[0];
  return {
    status: 'ok',
    daysLeft: daysBetween(today, nearest),
    statusDate: nearest,
  };
}
