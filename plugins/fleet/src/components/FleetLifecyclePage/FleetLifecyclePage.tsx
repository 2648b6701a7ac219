import Grid from '@material-ui/core/Grid';
import { Content, Header, Page } from '@backstage/core-components';
import { filtersOf } from '../../api/lifecycleQuery';
import { ScheduleCard } from '../ScheduleChart';
import { ClustersSection } from './ClustersSection';
import { useLifecycleQuery } from './useLifecycleQuery';

/** Every cluster with its review and retirement dates, for the people who decide about them. */
export function FleetLifecyclePage() {
  const { query, updateQuery } = useLifecycleQuery();
  return (
    <Page themeId="tool">
      <Header
        title="Fleet lifecycle"
        subtitle="Reviews and retirements across the cluster fleet, overdue first"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <ScheduleCard filters={filtersOf(query)} />
          </Grid>
          <Grid item xs={12}>
            <ClustersSection query={query} onChange={updateQuery} />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
