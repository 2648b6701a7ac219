import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  formatSignalValue,
  HEALTH_STATUS_ORDER,
  type FleetHealthKpis,
} from '@fleet-portal/plugin-fleet-common';
import { HEALTH_STATUS_LABELS } from '../HealthStatus';
import { useStatusColors } from './gridColors';

function Kpi(props: {
  value: string;
  label: string;
  color?: string;
  ariaLabel?: string;
}) {
  return (
    <Paper
      variant="outlined"
      style={{
        padding: '6px 12px',
        minWidth: 104,
        borderLeft: props.color ? `6px solid ${props.color}` : undefined,
      }}
      aria-label={props.ariaLabel}
    >
      <Typography variant="h6" component="div">
        {props.value}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
    </Paper>
  );
}

/** Counts by verdict, label coverage, unregistered and drifted clusters, in one compact row. */
export function HealthKpis(props: { kpis: FleetHealthKpis }) {
  const { kpis } = props;
  const colors = useStatusColors();
  const count = (n: number) => n.toLocaleString('en-US');
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      gridGap={8}
      aria-label="Fleet health KPIs"
      role="group"
    >
      <Kpi value={count(kpis.clusters)} label="clusters" />
      {HEALTH_STATUS_ORDER.map(status => (
        <Kpi
          key={status}
          value={count(kpis.byStatus[status] ?? 0)}
          label={HEALTH_STATUS_LABELS[status]}
          color={colors[status]}
          ariaLabel={`${HEALTH_STATUS_LABELS[status]}: ${
            kpis.byStatus[status] ?? 0
          }`}
        />
      ))}
      <Kpi
        value={
          kpis.labelCoverage === undefined
            ? 'unknown'
            : formatSignalValue(kpis.labelCoverage, 'ratio')
        }
        label="series with the required labels"
      />
      <Kpi value={count(kpis.unregistered)} label="unregistered, reporting" />
      <Kpi value={count(kpis.drifted)} label="drift from their profile" />
    </Box>
  );
}
