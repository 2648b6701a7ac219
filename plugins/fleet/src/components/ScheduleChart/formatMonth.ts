const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** "2027-01" → "Jan '27" for the axis and "Jan 2027" for the description; unparsable months pass through. */
export function formatMonth(month: string): { short: string; long: string } {
  const match = month.match(/^(\d{4})-(\d{2})$/);
  const index = match ? Number(match[2]) - 1 : -1;
  if (!match || index < 0 || index > 11) return { short: month, long: month };
  return {
    short: `${MONTHS[index]} '${match[1].slice(2)}`,
    long: `${MONTHS[index]} ${match[1]}`,
  };
}
