import { ClusterLifecycle } from '@fleet-portal/plugin-fleet-common';
import { lifecycleSchedule } from './schedule';

const cluster = (reviewBy?: string, retireBy?: string): ClusterLifecycle => ({
  entityRef: 'resource:default/c',
  name: 'c',
  reviewBy,
  retireBy,
  status: 'ok',
  governed: true,
  findings: [],
});

describe('lifecycleSchedule', () => {
  it('counts reviews and retirements per month from the current month', () => {
    const schedule = lifecycleSchedule(
      [
        cluster('2026-06-30', '2027-05-31'),
        cluster('2026-06-01'),
        cluster('2026-08-15', '2026-08-01'),
        cluster('2026-05-31', '2027-06-01'),
        cluster(undefined, 'garbage'),
      ],
      '2026-06-15',
      12,
    );
    expect(schedule.months).toHaveLength(12);
    expect(schedule.months[0]).toEqual({
      month: '2026-06',
      reviews: 2,
      retirements: 0,
    });
    expect(schedule.months[2]).toEqual({
      month: '2026-08',
      reviews: 1,
      retirements: 1,
    });
    expect(schedule.months[11]).toEqual({
      month: '2027-05',
      reviews: 0,
      retirements: 1,
    });
  });

  it('crosses year ends from the month of today', () => {
    const { months } = lifecycleSchedule([], '2026-12-31', 3);
    expect(months.map(m => m.month)).toEqual(['2026-12', '2027-01', '2027-02']);
  });
});
