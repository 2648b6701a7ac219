import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import type { ClusterHealth } from '@fleet-portal/plugin-fleet-common';
import { HealthStatusChip } from '../../HealthStatus';
import type { GridRow } from './gridChunks';

/**
 * What a hovered cell says: the cluster, the signal and its verdict at once from the grid, then
 * the value and the reason once the cluster's verdicts have arrived.
 */
export function CellDetails(props: {
  row: GridRow;
  /** Column of the hovered signal; -1 for the overall status. */
  column: number;
  signalIds: string[];
  titles: string[];
  detail?: ClusterHealth | null;
  style: React.CSSProperties;
}) {
  const { row, column, signalIds, titles, detail, style } = props;
  const signal = column >= 0 ? signalIds[column] : detail?.worstSignal;
  const verdict = signal
    ? detail?.signals.find(v => v.signal === signal)
    : undefined;
  const status = column >= 0 ? row.cells[column] : row.status;
  return (
    <Paper
      elevation={6}
      role="tooltip"
      style={{
        position: 'absolute',
        zIndex: 3,
        padding: 12,
        maxWidth: 360,
        ...style,
      }}
    >
      <Typography variant="subtitle2">{row.cluster}</Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {[
          row.environment ?? 'no environment',
          row.entityRef ? undefined : 'not in the catalog',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      <Box display="flex" alignItems="center" gridGap={8} mt={1}>
        <Typography variant="body2">
          {column >= 0 ? titles[column] : 'Overall'}
        </Typography>
        <HealthStatusChip status={status} />
      </Box>
      {verdict && (
        // the reason names the value in its unit and the threshold
        <Typography variant="body2" component="div" style={{ marginTop: 6 }}>
          {verdict.reason}
        </Typography>
      )}
      {detail === undefined && (
        <Typography variant="caption" color="textSecondary">
          Loading the verdict…
        </Typography>
      )}
      {row.entityRef && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="div"
          style={{ marginTop: 6 }}
        >
          Click to open the cluster's health tab
        </Typography>
      )}
    </Paper>
  );
}
