import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { LifecycleStatus } from '@fleet-portal/plugin-fleet-common';
import { formatDaysLeft, STATUS_LABELS } from './statusLabels';

type Severity = 'error' | 'warning' | 'success';

const SEVERITY: Record<LifecycleStatus, Severity | undefined> = {
  retired: 'error',
  'review-overdue': 'error',
  'retiring-soon': 'warning',
  'review-due': 'warning',
  ok: 'success',
  unknown: undefined,
};

const paletteStyle = (theme: Theme, severity: Severity) => ({
  backgroundColor: theme.palette[severity].main,
  color: theme.palette[severity].contrastText,
});

const useStyles = makeStyles(theme => ({
  // plain classes, not Box: a Box per table row inserts a style sheet each (slow at 50 rows)
  root: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  error: paletteStyle(theme, 'error'),
  warning: paletteStyle(theme, 'warning'),
  success: paletteStyle(theme, 'success'),
}));

/** A chip coloured by how urgent the status is, with the days left to the deciding date. */
export function LifecycleStatusChip(props: {
  status: LifecycleStatus;
  daysLeft?: number;
}) {
  const { status, daysLeft } = props;
  const classes = useStyles();
  const severity = SEVERITY[status];
  const days = formatDaysLeft(daysLeft);
  return (
    <div className={classes.root}>
      <Chip
        size="small"
        label={STATUS_LABELS[status]}
        className={severity ? classes[severity] : undefined}
        data-severity={severity ?? 'default'}
      />
      {days && (
        <Typography variant="caption" color="textSecondary">
          {days}
        </Typography>
      )}
    </div>
  );
}
