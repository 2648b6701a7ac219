import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import type { LifecycleSchedule } from '@fleet-portal/plugin-fleet-common';
import { formatMonth } from './formatMonth';

type Month = LifecycleSchedule['months'][number];

// Wide and low: at page width the chart is ~120 px tall, leaving the clusters table in view.
const WIDTH = 1200;
const HEIGHT = 124;
const MARGIN = { top: 16, right: 8, bottom: 22, left: 8 };
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const BASELINE = MARGIN.top + PLOT_HEIGHT;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(month: Month): string {
  return `${formatMonth(month.month).long}: ${plural(
    month.reviews,
    'review',
  )}, ${plural(month.retirements, 'retirement')}`;
}

function LegendItem(props: { color: string; label: string }) {
  return (
    <Box display="flex" alignItems="center" gridGap={6}>
      <Box width={12} height={12} bgcolor={props.color} aria-hidden />
      <Typography variant="body2">{props.label}</Typography>
    </Box>
  );
}

function useColors() {
  const theme = useTheme();
  return {
    reviews: theme.palette.primary.main,
    retirements: theme.palette.warning.main,
  };
}

/** Which colour is which, for the card's header. */
export function ScheduleLegend() {
  const colors = useColors();
  return (
    <Box display="flex" gridGap={16} aria-label="Legend" role="list">
      <Box role="listitem">
        <LegendItem color={colors.reviews} label="Reviews" />
      </Box>
      <Box role="listitem">
        <LegendItem color={colors.retirements} label="Retirements" />
      </Box>
    </Box>
  );
}

/**
 * Reviews and retirements per month as grouped bars, in plain SVG (its legend is
 * ScheduleLegend). The title and description carry every count, so screen readers get the data
 * the bars show.
 */
export function ScheduleChart(props: { months: Month[]; idPrefix?: string }) {
  const { months, idPrefix = 'fleet-schedule' } = props;
  const theme = useTheme();
  const colors = useColors();
  const max = Math.max(1, ...months.flatMap(m => [m.reviews, m.retirements]));
  const groupWidth =
    (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, months.length);
  const barWidth = groupWidth * 0.34;
  const barHeight = (count: number) => (count / max) * PLOT_HEIGHT;
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;

  // An empty month draws nothing: no bar, no "0" over it.
  const bar = (count: number, x: number, color: string, label: string) =>
    count > 0 && (
      <g>
        <rect
          x={x}
          y={BASELINE - barHeight(count)}
          width={barWidth}
          height={barHeight(count)}
          fill={color}
        >
          <title>{label}</title>
        </rect>
        <text
          x={x + barWidth / 2}
          y={BASELINE - barHeight(count) - 3}
          textAnchor="middle"
          fontSize={11}
          fill={theme.palette.text.primary}
        >
          {count}
        </text>
      </g>
    );

  return (
    <Box>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ display: 'block', maxHeight: HEIGHT }}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
      >
        <title id={titleId}>Reviews and retirements by month</title>
        <desc id={descId}>{months.map(describe).join('; ')}</desc>
        <line
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={BASELINE}
          y2={BASELINE}
          stroke={theme.palette.divider}
        />
        {months.map((month, i) => {
          const x =
            MARGIN.left + i * groupWidth + (groupWidth - 2 * barWidth) / 2;
          return (
            <g key={month.month} data-month={month.month}>
              {bar(
                month.reviews,
                x,
                colors.reviews,
                plural(month.reviews, 'review'),
              )}
              {bar(
                month.retirements,
                x + barWidth,
                colors.retirements,
                plural(month.retirements, 'retirement'),
              )}
              <text
                x={x + barWidth}
                y={HEIGHT - 6}
                textAnchor="middle"
                fontSize={11}
                fill={theme.palette.text.secondary}
              >
                {formatMonth(month.month).short}
              </text>
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
