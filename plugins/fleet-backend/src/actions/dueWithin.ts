import type { LifecycleFields } from '../lifecycle/clusterRecords';
import { daysBetween, isCalendarDate } from '../lifecycle/dates';

/**
 * Whether the cluster's review-by or retire-by date is at most `days` days after `today`, or
 * already past. Both dates count, whatever the status shows: a cluster retiring in 60 days is
 * also due within 20 when its review is.
 */
export function isDueWithin(
  cluster: Pick<LifecycleFields, 'reviewBy' | 'retireBy'>,
  today: string,
  days: number,
): boolean {
  return [cluster.reviewBy, cluster.retireBy].some(
    date => isCalendarDate(date) && daysBetween(today, date) <= days,
  );
}
