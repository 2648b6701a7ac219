import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { EmptyState, Progress } from '@backstage/core-components';
import type {
  LifecyclePage,
  LifecycleQuery,
} from '@fleet-portal/plugin-fleet-common';
import { ClustersTable } from '../ClustersTable';
import { ExportCsvButton } from '../ExportCsvButton';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { LifecycleFilters } from '../LifecycleFilters';
import { isFiltered } from './useLifecycleQuery';

/** The filters, the export and the clusters table, all driven by the query in the URL. */
export function ClustersSection(props: {
  query: LifecycleQuery;
  page?: LifecyclePage;
  loading: boolean;
  error?: Error;
  onChange: (patch: Partial<LifecycleQuery>) => void;
}) {
  const { query, page, loading, error, onChange: updateQuery } = props;

  const filtered = isFiltered(query);
  const clearFilters = () =>
    updateQuery({
      owner: [],
      environment: [],
      profile: [],
      status: [],
      search: '',
    });

  if (error) {
    return (
      <>
        <FleetErrorPanel error={error} />
        {filtered && (
          <Box mt={2}>
            <Button color="primary" variant="outlined" onClick={clearFilters}>
              Clear filters
            </Button>
          </Box>
        )}
      </>
    );
  }
  if (!page) return <Progress />;
  if (page.totalItems === 0 && !filtered) {
    return (
      <EmptyState
        missing="data"
        title="No clusters in the fleet yet"
        description="Clusters appear here once the catalog holds kubernetes-cluster Resources, for example from the platform repository's cluster manifests."
      />
    );
  }
  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        justifyContent="space-between"
        gridGap={16}
        mb={2}
      >
        <LifecycleFilters
          facets={page.facets}
          query={query}
          onChange={updateQuery}
        />
        <ExportCsvButton query={query} />
      </Box>
      <ClustersTable
        page={page}
        query={query}
        loading={loading}
        onChange={updateQuery}
        onClearFilters={filtered ? clearFilters : undefined}
      />
    </>
  );
}
