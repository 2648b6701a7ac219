import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { responseError, schedule } from '../../__testUtils__/fleet';
import { ScheduleCard } from './ScheduleCard';
import { ScheduleChart } from './ScheduleChart';
import { formatMonth } from './formatMonth';

describe('ScheduleChart', () => {
  it('renders 12 months of grouped bars with their counts', async () => {
    const { container } = await renderInTestApp(
      <ScheduleChart months={schedule().months} />,
    );
    const chart = screen.getByRole('img', {
      name: /Reviews and retirements by month/,
    });
    const groups = container.querySelectorAll('[data-month]');
    expect(groups).toHaveLength(12);
    const labels = [...groups[11].querySelectorAll('text')].map(
      t => t.textContent,
    );
    expect(labels).toEqual(['11', '2', "Dec '27"]);
    expect(groups[11].querySelectorAll('rect')).toHaveLength(2);
    // an empty month draws neither a bar nor a "0": January has no reviews, no retirements
    expect(
      [...groups[0].querySelectorAll('text')].map(t => t.textContent),
    ).toEqual(["Jan '27"]);
    expect(groups[0].querySelectorAll('rect')).toHaveLength(0);
    expect(screen.getByText('11 reviews')).toBeInTheDocument();
    expect(chart).toHaveAccessibleName(
      expect.stringContaining('Dec 2027: 11 reviews, 2 retirements'),
    );
  });

  it('scales the tallest bar to the plot height', async () => {
    const { container } = await renderInTestApp(
      <ScheduleChart
        months={[
          { month: '2027-01', reviews: 4, retirements: 2 },
          { month: '2027-02', reviews: 0, retirements: 0 },
        ]}
      />,
    );
    const heights = [...container.querySelectorAll('rect')].map(r =>
      Number(r.getAttribute('height')),
    );
    expect(heights).toHaveLength(2);
    expect(heights[0]).toBeGreaterThan(0);
    expect(heights[1]).toBeCloseTo(heights[0] / 2);
  });
});

describe('formatMonth', () => {
  it('formats calendar months', () => {
    expect(formatMonth('2027-03')).toEqual({
      short: "Mar '27",
      long: 'Mar 2027',
    });
    expect(formatMonth('soon')).toEqual({ short: 'soon', long: 'soon' });
  });
});

describe('ScheduleCard', () => {
  const render = (props: Parameters<typeof ScheduleCard>[0]) =>
    renderInTestApp(<ScheduleCard {...props} />);

  it('shows the chart of the schedule it is given, with its legend', async () => {
    await render({ schedule: schedule(), filtered: false });
    expect(
      await screen.findByRole('img', { name: /by month/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('All clusters')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent(
      'ReviewsRetirements',
    );
  });

  it('shows progress while loading', async () => {
    await render({ filtered: false });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('says when nothing is due', async () => {
    await render({
      schedule: { months: [{ month: '2027-01', reviews: 0, retirements: 0 }] },
      filtered: true,
    });
    expect(
      await screen.findByText(/No reviews or retirements are due/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Clusters matching the filters'),
    ).toBeInTheDocument();
  });

  it('explains a missing permission', async () => {
    await render({ error: await responseError(403), filtered: false });
    expect(
      await screen.findByText(/don't have permission/),
    ).toBeInTheDocument();
  });
});
