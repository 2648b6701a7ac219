import Chip from '@material-ui/core/Chip';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { HealthStatus } from '@fleet-portal/plugin-fleet-common';

export const HEALTH_STATUS_LABELS: Record<HealthStatus, string> = {
  critical: 'Critical',
  warning: 'Warning',
  unknown: 'Unknown',
  ok: 'OK',
};

type Severity = 'error' | 'warning' | 'success';

const SEVERITY: Record<HealthStatus, Severity | undefined> = {
  critical: 'error',
  warning: 'warning',
  ok: 'success',
  unknown: undefined,
};

const paletteStyle = (theme: Theme, severity: Severity) => ({
  backgroundColor: theme.palette[severity].main,
  color: theme.palette[severity].contrastText,
});

const useStyles = makeStyles(theme => ({
  error: paletteStyle(theme, 'error'),
  warning: paletteStyle(theme, 'warning'),
  success: paletteStyle(theme, 'success'),
  // unknown is not ok: an outlined grey chip, never the green one
  unknown: { borderStyle: 'dashed' },
}));

/** A chip coloured by the verdict; `unknown` is neutral and dashed so it never reads as ok. */
export function HealthStatusChip(props: {
  status: HealthStatus;
  label?: string;
}) {
  const { status, label } = props;
  const classes = useStyles();
  const severity = SEVERITY[status];
  return (
    <Chip
      size="small"
      label={label ?? HEALTH_STATUS_LABELS[status]}
      variant={severity ? 'default' : 'outlined'}
      className={severity ? classes[severity] : classes.unknown}
      data-status={status}
    />
  );
}
