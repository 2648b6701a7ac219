import { LifecycleSchedule } from '@fleet-portal/plugin-fleet-common';
import { LifecycleFields } from './clusterRecords';
import { addMonths, isCalendarDate, monthOf } from './dates';

/** Reviews and retirements per month, for `months` months from the month of `today`. */
export function lifecycleSchedule(
  clusters: readonly Pick<LifecycleFields, 'reviewBy' | 'retireBy'>[],
  today: string,
  months: number,
): LifecycleSchedule {
  const firstOfMonth = `${monthOf(today)}-01`;
  const rows = Array.from({ length: months }, (_, i) => ({
    month: monthOf(addMonths(firstOfMonth, i)),
    reviews: 0,
    retirements: 0,
  }));
  const byMonth = new Map(rows.map(row => [row.month, row]));
  for (const cluster of clusters) {
    if (isCalendarDate(cluster.reviewBy)) {
      const row = byMonth.get(monthOf(cluster.reviewBy));
      if (row) row.reviews += 1;
    }
    if (isCalendarDate(cluster.retireBy)) {
      const row = byMonth.get(monthOf(cluster.retireBy));
      if (row) row.retirements += 1;
    }
  }
  return { months: rows };
}
