import { lifecycleNotification } from './message';

describe('lifecycleNotification', () => {
  it('links to the cluster page and scopes the notification to its key', () => {
    expect(
      lifecycleNotification('resource:platform/prd-euw1-payments-01', {
        kind: 'review',
        date: '2026-07-10',
        threshold: '30d',
        daysLeft: 25,
      }),
    ).toEqual({
      title: 'Review of cluster prd-euw1-payments-01 is due in 25 days',
      description: expect.stringContaining('by 2026-07-10'),
      link: '/catalog/platform/resource/prd-euw1-payments-01',
      severity: 'normal',
      topic: 'fleet-lifecycle',
      scope:
        'fleet-lifecycle:resource:platform/prd-euw1-payments-01:review:2026-07-10:30d',
    });
  });

  it.each([
    ['review', 'past', -3, 'Review of cluster c is overdue', 'critical'],
    ['review', '7d', 0, 'Review of cluster c is due today', 'high'],
    ['retire', '90d', 1, 'Cluster c retires tomorrow', 'normal'],
    ['retire', 'past', -1, 'Cluster c is past its retire-by date', 'critical'],
  ] as const)('%s %s: %s', (kind, threshold, daysLeft, title, severity) => {
    expect(
      lifecycleNotification('resource:default/c', {
        kind,
        threshold,
        daysLeft,
        date: '2026-06-15',
      }),
    ).toMatchObject({ title, severity });
  });
});
