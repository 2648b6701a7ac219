import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  HEALTH_STATUS_ORDER,
  type FleetHealthKpis,
} from '@fleet-portal/plugin-fleet-common';
import { HEALTH_STATUS_LABELS, HealthStatusChip } from '../HealthStatus';

function Kpi(props: { label: string; value: string; children?: never }) {
  return (
    <Paper variant="outlined" style={{ padding: 12, height: '100%' }}>
      <Typography variant="h5" component="div">
        {props.value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
    </Paper>
  );
}

/** Counts by verdict, label coverage, unregistered and drifted clusters. */
export function HealthKpis(props: { kpis: FleetHealthKpis }) {
  const { kpis } = props;
  const coverage =
    kpis.labelCoverage === undefined
      ? 'unknown'
      : `${(kpis.labelCoverage * 100).toFixed(1).replace(/\.0$/, '')} %`;
  return (
    <Grid container spacing={2} aria-label="Fleet health KPIs" role="group">
      <Grid item xs={6} sm={4} md={2}>
        <Kpi label="clusters" value={String(kpis.clusters)} />
      </Grid>
      {HEALTH_STATUS_ORDER.map(status => (
        <Grid item xs={6} sm={4} md={1} key={status}>
          <Paper
            variant="outlined"
            style={{ padding: 12, height: '100%' }}
            aria-label={`${HEALTH_STATUS_LABELS[status]}: ${
              kpis.byStatus[status] ?? 0
            }`}
          >
            <Typography variant="h5" component="div">
              {kpis.byStatus[status] ?? 0}
            </Typography>
            <HealthStatusChip status={status} />
          </Paper>
        </Grid>
      ))}
      <Grid item xs={6} sm={4} md={2}>
        <Kpi label="of series carry the required labels" value={coverage} />
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Kpi
          label="unregistered clusters report metrics"
          value={String(kpis.unregistered)}
        />
      </Grid>
      <Grid item xs={6} sm={4} md={2}>
        <Kpi
          label="clusters drift from their profile's pins"
          value={String(kpis.drifted)}
        />
      </Grid>
    </Grid>
  );
}
