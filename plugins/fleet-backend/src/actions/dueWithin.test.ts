import { isDueWithin } from './dueWithin';

describe('isDueWithin', () => {
  const today = '2026-06-15';

  it('counts either date, and dates already past', () => {
    expect(isDueWithin({ reviewBy: '2026-07-15' }, today, 30)).toBe(true);
    expect(isDueWithin({ reviewBy: '2026-07-16' }, today, 30)).toBe(false);
    expect(
      isDueWithin({ reviewBy: '2027-01-01', retireBy: '2026-06-20' }, today, 5),
    ).toBe(true);
    expect(isDueWithin({ retireBy: '2020-01-01' }, today, 0)).toBe(true);
    expect(isDueWithin({ reviewBy: today }, today, 0)).toBe(true);
  });

  it('ignores missing and invalid dates', () => {
    expect(isDueWithin({}, today, 3650)).toBe(false);
    expect(isDueWithin({ reviewBy: '2026-02-30' }, today, 3650)).toBe(false);
  });
});
