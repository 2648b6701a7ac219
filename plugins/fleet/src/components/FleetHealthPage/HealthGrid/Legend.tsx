import Box from '@material-ui/core/Box';
import type { SignalStatus } from '@fleet-portal/plugin-fleet-common';
import { HEALTH_STATUS_LABELS } from '../../HealthStatus';
import { STATUS_GLYPHS, useStatusColors } from '../gridColors';
import { useGridStyles } from './gridStyles';

/** Which colour and mark is which status. */
export function Legend() {
  const classes = useGridStyles();
  const colors = useStatusColors();
  const statuses: SignalStatus[] = [
    'critical',
    'warning',
    'unknown',
    'ok',
    'not-applicable',
  ];
  return (
    <Box className={classes.legend} aria-label="Legend" role="list">
      {statuses.map(status => (
        <Box
          key={status}
          display="flex"
          alignItems="center"
          gridGap={4}
          role="listitem"
        >
          <Box
            className={`${classes.cell} ${
              status === 'unknown' ? classes.unknownCell : ''
            } ${status === 'not-applicable' ? classes.naCell : ''}`}
            style={{
              background: colors[status],
              width: 18,
              height: 14,
              lineHeight: '14px',
              fontSize: 10,
            }}
            aria-hidden
          >
            {STATUS_GLYPHS[status]}
          </Box>
          {HEALTH_STATUS_LABELS[status]}
        </Box>
      ))}
    </Box>
  );
}
