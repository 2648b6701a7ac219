import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { TrendLine } from '@backstage/core-components';
import type {
  HealthHistoryPoint,
  SignalStatus,
} from '@fleet-portal/plugin-fleet-common';

/** The history of one signal as a sparkline scaled to its own range, coloured by the current verdict. */
export function SignalSparkline(props: {
  title: string;
  points: HealthHistoryPoint[] | undefined;
  status: SignalStatus;
}) {
  const { title, points, status } = props;
  const theme = useTheme();
  if (!points || points.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary">
        no history
      </Typography>
    );
  }
  const data = points.map(p => p.value);
  const min = Math.min(...data);
  const max = Math.max(...data);
  const color = {
    critical: theme.palette.error.main,
    warning: theme.palette.warning.main,
    ok: theme.palette.success.main,
    unknown: theme.palette.text.secondary,
    'not-applicable': theme.palette.text.disabled,
  }[status];
  return (
    <span
      role="img"
      aria-label={`${title}: history of ${points.length} samples`}
    >
      <TrendLine
        data={data}
        // a flat line in the middle when the value never changed
        min={min === max ? min - 1 : min}
        max={min === max ? max + 1 : max}
        width={120}
        height={28}
        color={color}
        title={`${title}, ${points[0].time} – ${
          points[points.length - 1].time
        }`}
      />
    </span>
  );
}
