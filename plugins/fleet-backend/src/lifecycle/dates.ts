// Lifecycle dates are calendar dates (YYYY-MM-DD) with no time of day. All arithmetic is done on
// UTC midnights so that no local timezone or daylight-saving shift can move a date by a day.

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds of the date's UTC midnight, or undefined when it is not a real YYYY-MM-DD date. */
function utcMidnight(date: string): number | undefined {
  const match = CALENDAR_DATE.exec(date);
  if (!match) {
    return undefined;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const time = Date.UTC(year, month - 1, day);
  return new Date(time).getUTCDate() === day ? time : undefined;
}

export function isCalendarDate(date: string | undefined): date is string {
  return date !== undefined && utcMidnight(date) !== undefined;
}

/** The calendar date of an instant, in UTC. */
export function calendarDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const start = utcMidnight(from);
  const end = utcMidnight(to);
  if (start === undefined || end === undefined) {
    throw new Error(`Not calendar dates: ${from}, ${to}`);
  }
  return Math.round((end - start) / DAY_MS);
}

/** The date `months` calendar months later; the day is clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const firstOfTarget = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(
      firstOfTarget.getUTCFullYear(),
      firstOfTarget.getUTCMonth() + 1,
      0,
    ),
  ).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(day, lastDay));
  return calendarDateOf(firstOfTarget);
}

/** YYYY-MM of a calendar date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}
