import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LifecycleStatusChip } from './LifecycleStatusChip';
import { formatDaysLeft } from './statusLabels';

describe('LifecycleStatusChip', () => {
  it.each([
    ['retired', 'Retired', 'error'],
    ['review-overdue', 'Review overdue', 'error'],
    ['retiring-soon', 'Retiring soon', 'warning'],
    ['review-due', 'Review due', 'warning'],
    ['ok', 'OK', 'success'],
    ['unknown', 'Unknown', 'default'],
  ] as const)(
    'shows %s as "%s" with %s severity',
    async (status, label, severity) => {
      await renderInTestApp(<LifecycleStatusChip status={status} />);
      const chip = screen.getByText(label).closest('[data-severity]');
      expect(chip).toHaveAttribute('data-severity', severity);
    },
  );

  it('shows the days left', async () => {
    await renderInTestApp(
      <LifecycleStatusChip status="review-overdue" daysLeft={-3} />,
    );
    expect(screen.getByText('3 days overdue')).toBeInTheDocument();
  });
});

describe('formatDaysLeft', () => {
  it.each([
    [undefined, undefined],
    [0, 'due today'],
    [1, '1 day left'],
    [45, '45 days left'],
    [-1, '1 day overdue'],
  ])('formats %s as %s', (days, text) => {
    expect(formatDaysLeft(days)).toBe(text);
  });
});
