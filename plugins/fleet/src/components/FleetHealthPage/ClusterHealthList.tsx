import Box from '@material-ui/core/Box';
import TablePagination from '@material-ui/core/TablePagination';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import {
  HEALTH_DEFAULT_PAGE_SIZE,
  type HealthClusterQuery,
  type SignalDefinition,
} from '@fleet-portal/plugin-fleet-common';
import { fleetHealthApiRef } from '../../api/FleetHealthApi';
import { healthSearchParams } from '../../api/healthQuery';
import { HealthErrorPanel } from '../HealthStatus';
import { LoadingBar } from '../LoadingBar';
import { ClusterHealthGroups } from './ClusterHealthGroups';

/** The list view: one page of full verdicts from the server, grouped as the query asks. */
export function ClusterHealthList(props: {
  query: HealthClusterQuery;
  signals: SignalDefinition[];
  onPage: (offset: number) => void;
}) {
  const { query, signals, onPage } = props;
  const api = useApi(fleetHealthApiRef);
  const limit = HEALTH_DEFAULT_PAGE_SIZE;
  const key = healthSearchParams(query).toString();
  const { value, loading, error } = useAsync(
    // a list shows each cluster's deciding verdict: the others stay on the server
    () => api.listClusters({ ...query, limit, verdicts: 'worst' }),
    [api, key],
  );
  if (error) return <HealthErrorPanel error={error} />;
  if (!value) return <LoadingBar loading label="Loading clusters" />;
  if (value.totalItems === 0) {
    return (
      <Typography variant="body2">No cluster matches the filters.</Typography>
    );
  }
  const lastPage = Math.max(0, Math.ceil(value.totalItems / limit) - 1);
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Box height={4}>
        <LoadingBar loading={loading} label="Loading clusters" />
      </Box>
      <ClusterHealthGroups
        clusters={value.items}
        groups={value.groups}
        signals={signals}
      />
      <TablePagination
        component="div"
        count={value.totalItems}
        page={Math.min(Math.floor((query.offset ?? 0) / limit), lastPage)}
        rowsPerPage={limit}
        rowsPerPageOptions={[limit]}
        onPageChange={(_event, page) => onPage(page * limit)}
      />
    </Box>
  );
}
