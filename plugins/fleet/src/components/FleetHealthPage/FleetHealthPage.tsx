import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
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
import useAsync from 'react-use/esm/useAsync';
import type {
  FleetHealthSummary,
  HealthStatus,
} from '@fleet-portal/plugin-fleet-common';
import { fleetHealthApiRef } from '../../api/FleetHealthApi';
import { DriftTable } from '../ClusterHealthContent/ClusterFacts';
import {
  formatSampleTime,
  HealthErrorPanel,
  SourceStates,
  sourcesTrouble,
} from '../HealthStatus';
import { ClusterHealthList } from './ClusterHealthList';
import { EnvironmentMatrix } from './EnvironmentMatrix';
import { LabelCoverageCard, UnregisteredClusters } from './FleetFacts';
import { HealthFilterBar } from './HealthFilterBar';
import { HealthGrid } from './HealthGrid/HealthGrid';
import { HealthKpis } from './HealthKpis';
import { useHealthQuery } from './useHealthQuery';

function SummaryFacts(props: {
  summary: FleetHealthSummary;
  onSelectEnvironment: (environment?: string, status?: HealthStatus) => void;
}) {
  const { summary } = props;
  const trouble = sourcesTrouble(summary.sources);
  return (
    <>
      <Grid item xs={12} md={6}>
        <InfoCard title="Clusters by environment" noPadding>
          <EnvironmentMatrix
            environments={summary.environments}
            onSelect={props.onSelectEnvironment}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <UnregisteredClusters
          unregistered={summary.unregistered}
          trouble={trouble}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <LabelCoverageCard coverage={summary.labelCoverage} trouble={trouble} />
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard
          title="Version drift"
          subheader={
            summary.drift.total > summary.drift.items.length
              ? `The first ${summary.drift.items.length} of ${summary.drift.total}`
              : undefined
          }
        >
          <DriftTable
            drift={summary.drift.items}
            showCluster
            trouble={trouble}
          />
        </InfoCard>
      </Grid>
    </>
  );
}

/**
 * Every cluster's health from the central metrics store, worst first: the KPIs and the state of
 * the sources, a heat map of clusters × signals (or, accessibly, a paged list), and the fleet's
 * facts. Each part asks the backend for what it shows, never for the whole fleet.
 */
function HealthView() {
  const healthApi = useApi(fleetHealthApiRef);
  const { query, view, grouping, update } = useHealthQuery();
  const summary = useAsync(() => healthApi.getSummary(), [healthApi]);
  const value = summary.value;
  const empty = value?.kpis.clusters === 0;

  return (
    <>
      {summary.error ? (
        <HealthErrorPanel error={summary.error} />
      ) : (
        <Grid container spacing={2}>
          <Grid item xs={12}>
            {value ? (
              <Box display="flex" flexDirection="column" gridGap={8}>
                <SourceStates sources={value.sources} showUp />
                <HealthKpis kpis={value.kpis} />
                <Typography variant="caption" color="textSecondary">
                  Snapshot of {formatSampleTime(value.generatedAt)}, refreshed
                  at most every {value.maxAgeSeconds} s; {value.signals.length}{' '}
                  signals.
                </Typography>
              </Box>
            ) : (
              <Progress />
            )}
          </Grid>
          {empty ? (
            <Grid item xs={12}>
              <EmptyState
                missing="data"
                title="No clusters"
                description="The catalog has no kubernetes-cluster Resources and the metrics store reports none."
              />
            </Grid>
          ) : (
            <Grid item xs={12}>
              <Paper variant="outlined" style={{ padding: 12 }}>
                <Box display="flex" flexDirection="column" gridGap={8}>
                  <HealthFilterBar
                    query={query}
                    facets={value?.facets}
                    grouping={grouping}
                    onChange={patch => update({ query: patch })}
                    onGroupingChange={next => update({ grouping: next })}
                  />
                  <Tabs
                    value={view}
                    onChange={(_event, next) => update({ view: next })}
                    indicatorColor="primary"
                    aria-label="View"
                  >
                    <Tab value="grid" label="Heat map" />
                    <Tab value="list" label="List" />
                  </Tabs>
                  {view === 'grid' ? (
                    <HealthGrid
                      query={query}
                      onSortBySignal={signal =>
                        update({
                          query: signal
                            ? { orderBy: 'signal', signal }
                            : { orderBy: undefined, signal: undefined },
                        })
                      }
                    />
                  ) : (
                    <ClusterHealthList
                      query={query}
                      signals={value?.signals ?? []}
                      onPage={offset => update({ query: { offset } })}
                    />
                  )}
                </Box>
              </Paper>
            </Grid>
          )}
          {value && !empty && (
            <SummaryFacts
              summary={value}
              onSelectEnvironment={(environment, status) =>
                update({
                  query: {
                    environment: environment ? [environment] : [],
                    status: status ? [status] : [],
                  },
                })
              }
            />
          )}
        </Grid>
      )}
    </>
  );
}

/**
 * The page. Its state lives below <Page>, which makes a new theme whenever it renders (every
 * style sheet on the page would then be built again on each filter change).
 */
export function FleetHealthPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Fleet health"
        subtitle="Verdicts from the central metrics store, worst first"
      />
      <Content>
        <HealthView />
      </Content>
    </Page>
  );
}
