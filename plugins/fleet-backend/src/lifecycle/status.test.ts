import { lifecycleStatus } from './status';

const TODAY = '2026-06-15';

describe('lifecycleStatus', () => {
  it.each`
    reviewBy        | retireBy        | status              | daysLeft     | statusDate
    ${undefined}    | ${undefined}    | ${'unknown'}        | ${undefined} | ${undefined}
    ${'not-a-date'} | ${undefined}    | ${'unknown'}        | ${undefined} | ${undefined}
    ${'2026-12-01'} | ${'2028-01-01'} | ${'ok'}             | ${169}       | ${'2026-12-01'}
    ${undefined}    | ${'2026-10-01'} | ${'ok'}             | ${108}       | ${'2026-10-01'}
    ${'2026-07-16'} | ${undefined}    | ${'ok'}             | ${31}        | ${'2026-07-16'}
    ${'2026-07-15'} | ${undefined}    | ${'review-due'}     | ${30}        | ${'2026-07-15'}
    ${'2026-06-15'} | ${undefined}    | ${'review-due'}     | ${0}         | ${'2026-06-15'}
    ${'2026-06-14'} | ${undefined}    | ${'review-overdue'} | ${-1}        | ${'2026-06-14'}
    ${undefined}    | ${'2026-09-14'} | ${'ok'}             | ${91}        | ${'2026-09-14'}
    ${undefined}    | ${'2026-09-13'} | ${'retiring-soon'}  | ${90}        | ${'2026-09-13'}
    ${undefined}    | ${'2026-06-15'} | ${'retiring-soon'}  | ${0}         | ${'2026-06-15'}
    ${undefined}    | ${'2026-06-14'} | ${'retired'}        | ${-1}        | ${'2026-06-14'}
    ${'2026-06-01'} | ${'2026-05-01'} | ${'retired'}        | ${-45}       | ${'2026-05-01'}
    ${'2026-06-01'} | ${'2026-07-01'} | ${'review-overdue'} | ${-14}       | ${'2026-06-01'}
    ${'2026-06-20'} | ${'2026-07-01'} | ${'retiring-soon'}  | ${16}        | ${'2026-07-01'}
  `(
    'review-by $reviewBy, retire-by $retireBy: $status',
    ({ reviewBy, retireBy, status, daysLeft, statusDate }) => {
      expect(lifecycleStatus({ reviewBy, retireBy }, TODAY)).toEqual({
        status,
        ...(daysLeft === undefined ? {} : { daysLeft, statusDate }),
      });
    },
  );
});
