import Chip from '@material-ui/core/Chip';
import { makeStyles, type Theme } from '@material-ui/core/styles';
import type { SignalStatus } from '@fleet-portal/plugin-fleet-common';

export const HEALTH_STATUS_LABELS: Record<SignalStatus, string> = {
  critical: 'Critical',
  warning: 'Warning',
  unknown: 'Unknown',
  ok: 'OK',
  'not-applicable': 'Not applicable',
};

type Severity = 'error' | 'warning' | 'success';

const SEVERITY: Record<SignalStatus, Severity | undefined> = {
  critical: 'error',
  warning: 'warning',
  ok: 'success',
  unknown: undefined,
  'not-applicable': undefined,
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
  // known not to apply: quiet, and unlike unknown's dashed outline
  notApplicable: {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.divider,
  },
}));

/** The outline of a chip without a colour: dashed for unknown, plain for not applicable. */
function quietClass(
  status: SignalStatus,
  classes: Record<'unknown' | 'notApplicable', string>,
) {
  return status === 'not-applicable' ? classes.notApplicable : classes.unknown;
}

/**
 * A chip coloured by the verdict; `unknown` is neutral and dashed so it never reads as ok, and
 * `not-applicable` is a quiet outline (the signal measures a component the cluster does not run).
 */
export function HealthStatusChip(props: {
  status: SignalStatus;
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
      className={severity ? classes[severity] : quietClass(status, classes)}
      data-status={status}
    />
  );
}
