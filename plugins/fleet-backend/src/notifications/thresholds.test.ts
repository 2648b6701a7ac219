import { dueNotice } from './thresholds';

const TODAY = '2026-06-15';

describe('dueNotice', () => {
  it.each`
    date            | daysLeft | threshold
    ${'2026-07-16'} | ${31}    | ${undefined}
    ${'2026-07-15'} | ${30}    | ${'30d'}
    ${'2026-06-23'} | ${8}     | ${'30d'}
    ${'2026-06-22'} | ${7}     | ${'7d'}
    ${'2026-06-15'} | ${0}     | ${'7d'}
    ${'2026-06-14'} | ${-1}    | ${'past'}
  `(
    'review-by in $daysLeft days: $threshold',
    ({ date, daysLeft, threshold }) => {
      expect(dueNotice('review', date, TODAY)).toEqual(
        threshold && { kind: 'review', date, threshold, daysLeft },
      );
    },
  );

  it.each`
    date            | daysLeft | threshold
    ${'2026-09-14'} | ${91}    | ${undefined}
    ${'2026-09-13'} | ${90}    | ${'90d'}
    ${'2026-07-16'} | ${31}    | ${'90d'}
    ${'2026-07-15'} | ${30}    | ${'30d'}
    ${'2026-06-22'} | ${7}     | ${'7d'}
    ${'2025-01-01'} | ${-530}  | ${'past'}
  `(
    'retire-by in $daysLeft days: $threshold',
    ({ date, daysLeft, threshold }) => {
      expect(dueNotice('retire', date, TODAY)).toEqual(
        threshold && { kind: 'retire', date, threshold, daysLeft },
      );
    },
  );

  it('ignores absent and malformed dates', () => {
    expect(dueNotice('review', undefined, TODAY)).toBeUndefined();
    expect(dueNotice('retire', '2026-13-01', TODAY)).toBeUndefined();
  });
});
