import { formatDays, formatSince } from './rolloutText';

describe('formatDays', () => {
  it.each([
    [0.01, 'less than an hour'],
    [0.5, '12 h'],
    [1, '1 d'],
    [6.49, '6.4 d'],
    [12.6, '12 d'],
  ])('%s days reads "%s"', (days, text) => {
    expect(formatDays(days)).toBe(text);
  });
});

describe('formatSince', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');
  it('reads a date as the start of that day in UTC', () => {
    expect(formatSince('2026-11-30', now)).toEqual({
      date: '2026-11-30',
      ago: '6.5 d',
    });
  });
  it('reads an instant', () => {
    expect(formatSince('2026-12-06T06:00:00Z', now)).toEqual({
      date: '2026-12-06',
      ago: '6 h',
    });
  });
  it('shows unreadable text as it is, and nothing for no value', () => {
    expect(formatSince('soon', now)).toEqual({ date: 'soon', ago: undefined });
    expect(formatSince(undefined, now)).toBeUndefined();
  });
});
