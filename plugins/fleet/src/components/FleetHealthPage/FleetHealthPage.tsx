import { useMemo } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import type { FleetHealthSnapshot } from '@fleet-portal/plugin-fleet-common';
import { fleetHealthApiRef } from '../../api/FleetHealthApi';
import { DriftTable } from '../ClusterHealthContent/ClusterFacts';
import {
  formatSampleTime,
  HealthErrorPanel,
  SourceStates,
  sourcesTrouble,
} from '../HealthStatus';
import { ClusterHealthGroups } from './ClusterHealthGroups';
import { LabelCoverageCard, UnregisteredClusters } from './FleetFacts';
import { HealthFilterBar } from './HealthFilterBar';
import { HealthKpis } from './HealthKpis';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  matchesFilters,
  NO_ENVIRONMENT,
} from './healthFilters';

function Snapshot(props: { snapshot: FleetHealthSnapshot }) {
  const { snapshot } = props;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearchParams(params);
  const environments = useMemo(
    () =>
      [
        ...new Set(snapshot.clusters.map(c => c.environment ?? NO_ENVIRONMENT)),
      ].sort(),
    [snapshot],
  );
  const shown = snapshot.clusters.filter(c => matchesFilters(c, filters));
  const trouble = sourcesTrouble(snapshot.sources);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SourceStates sources={snapshot.sources} showUp />
        <Typography variant="caption" color="textSecondary">
          Snapshot of {formatSampleTime(snapshot.generatedAt)}, refreshed at
          most every {snapshot.maxAgeSeconds} s; {snapshot.signals.length}{' '}
          signals.
        </Typography>
      </Grid>
      <Grid item xs={12}>
        <HealthKpis kpis={snapshot.kpis} />
      </Grid>
      <Grid item xs={12}>
        <HealthFilterBar
          filters={filters}
          environments={environments}
          onChange={next =>
            setParams(filtersToSearchParams(next), { replace: true })
          }
        />
      </Grid>
      <Grid item xs={12}>
        <Box display="flex" flexDirection="column" gridGap={16}>
          {snapshot.clusters.length === 0 && (
            <EmptyState
              missing="data"
              title="No clusters"
              description="The catalog has no kubernetes-cluster Resources and the metrics store reports none."
            />
          )}
          {snapshot.clusters.length > 0 && shown.length === 0 && (
            <Typography variant="body2">
              No cluster matches the filters.
            </Typography>
          )}
          {shown.length > 0 && (
            <ClusterHealthGroups clusters={shown} signals={snapshot.signals} />
          )}
        </Box>
      </Grid>
      <Grid item xs={12} md={6}>
        <UnregisteredClusters
          clusters={snapshot.unregistered}
          trouble={trouble}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <LabelCoverageCard
          coverage={snapshot.labelCoverage}
          trouble={trouble}
        />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Version drift">
          <DriftTable drift={snapshot.drift} showCluster trouble={trouble} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}

/** Every cluster's health from the central metrics store, by environment, worst first. */
export function FleetHealthPage() {
  const healthApi = useApi(fleetHealthApiRef);
  const { value, loading, error } = useAsync(
    () => healthApi.getFleetHealth(),
    [healthApi],
  );
  return (
    <Page themeId="tool">
      <Header
        title="Fleet health"
        subtitle="Verdicts from the central metrics store, worst first"
      />
      <Content>
        {loading && <Progress />}
        {error && <HealthErrorPanel error={error} />}
        {value && <Snapshot snapshot={value} />}
      </Content>
    </Page>
  );
}
