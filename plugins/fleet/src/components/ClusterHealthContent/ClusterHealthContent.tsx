import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  isClusterEntity,
  type ClusterHealthDetail,
} from '@fleet-portal/plugin-fleet-common';
import { isNotFound } from '../../lib/errors';
import {
  formatSampleTime,
  formatSignalValue,
  HealthErrorPanel,
  HealthStatusChip,
  signalTitle,
  SourceStates,
  sourcesTrouble,
} from '../HealthStatus';
import { DriftTable, LabelCoverageLine } from './ClusterFacts';
import { SignalsTable } from './SignalsTable';
import { useClusterHealth } from './useClusterHealth';

function OverallStatus(props: { detail: ClusterHealthDetail }) {
  const { detail } = props;
  const worst = detail.signals.find(s => s.signal === detail.worstSignal);
  const unit = detail.signalDefinitions.find(
    d => d.id === detail.worstSignal,
  )?.unit;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={12}>
      <Typography variant="h6" component="span">
        Overall
      </Typography>
      <HealthStatusChip status={detail.status} />
      {worst && (
        <Typography variant="body2" component="span">
          decided by {signalTitle(detail.signalDefinitions, worst.signal)}
          {worst.value !== undefined &&
            ` (${formatSignalValue(worst.value, unit)})`}
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary" component="span">
        as of {formatSampleTime(detail.generatedAt)}, history{' '}
        {detail.historyRange}
      </Typography>
    </Box>
  );
}

/** True when the sources answer but no signal has a single sample for this cluster. */
function reportsNothing(detail: ClusterHealthDetail): boolean {
  return (
    detail.sources.every(s => s.status === 'up') &&
    detail.signals.length > 0 &&
    detail.signals.every(s => s.status === 'unknown' && s.value === undefined)
  );
}

function ClusterHealth(props: { detail: ClusterHealthDetail }) {
  const { detail } = props;
  const trouble = sourcesTrouble(detail.sources);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SourceStates sources={detail.sources} />
      </Grid>
      {reportsNothing(detail) && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            title={`The metrics store has no series for cluster "${detail.cluster}"`}
            message="Every verdict is unknown. Check that the cluster remote-writes its metrics with the cluster label set to its catalog name."
          />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard
          title="Fleet health"
          subheader={<OverallStatus detail={detail} />}
        >
          {detail.signals.length === 0 ? (
            <EmptyState
              missing="data"
              title="No health signals configured"
              description="The signal catalogue is empty (fleet.health.signals); there is nothing to judge this cluster by."
            />
          ) : (
            <SignalsTable detail={detail} />
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Label contract">
          <LabelCoverageLine
            coverage={detail.labelCoverage}
            trouble={trouble}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Version drift">
          <DriftTable drift={detail.drift} trouble={trouble} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/** The "Fleet health" tab of a kubernetes-cluster Resource: every signal's verdict with its history. */
export function ClusterHealthContent() {
  const { entity } = useEntity();
  const cluster = {
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  };
  const { value, loading, error } = useClusterHealth(cluster);
  if (!isClusterEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a cluster"
        description="Fleet health is shown for Resources of type kubernetes-cluster."
      />
    );
  }
  if (loading) return <Progress />;
  if (error) {
    if (isNotFound(error)) {
      return (
        <EmptyState
          missing="data"
          title="Fleet health does not know this cluster yet"
          description="The fleet backend has not seen this entity in the catalog; try again after the next catalog refresh."
        />
      );
    }
    return <HealthErrorPanel error={error} />;
  }
  return value ? <ClusterHealth detail={value} /> : null;
}
