// Calendar dates of requests: shared with the form through fleet-common.
export {
  addDays,
  addMonths,
  calendarToday,
  formatCalendarDate,
  parseCalendarDate,
} from '@fleet-portal/plugin-fleet-common';
