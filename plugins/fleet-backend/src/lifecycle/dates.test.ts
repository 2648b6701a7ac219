import {
  addMonths,
  calendarDateOf,
  daysBetween,
  isCalendarDate,
  monthOf,
} from './dates';

describe('calendar dates', () => {
  it('counts whole days across month, year and daylight-saving boundaries', () => {
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
    expect(daysBetween('2026-06-15', '2026-07-15')).toBe(30);
    expect(daysBetween('2026-07-15', '2026-06-15')).toBe(-30);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('takes the calendar date of an instant in UTC', () => {
    expect(calendarDateOf(new Date('2026-06-15T23:59:59.999Z'))).toBe(
      '2026-06-15',
    );
    expect(calendarDateOf(new Date('2026-06-16T00:30:00+02:00'))).toBe(
      '2026-06-15',
    );
  });

  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-10', 12)).toBe('2027-01-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-01', 3)).toBe('2027-02-01');
  });

  it('recognises only real YYYY-MM-DD dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate(undefined)).toBe(false);
    expect(monthOf('2026-02-28')).toBe('2026-02');
  });
});
