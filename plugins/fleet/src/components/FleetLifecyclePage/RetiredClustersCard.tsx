import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';

const day = (instant: string) => instant.slice(0, 10);

/**
 * Clusters removed from the platform repository that left the catalog, while their CIDRs are still
 * held (the grace period): "retired — CIDRs free on <date>". Nothing is shown when there are none.
 */
export function RetiredClustersCard() {
  const fleetApi = useApi(fleetApiRef);
  const retired = useAsync(() => fleetApi.listRetiredClusters(), [fleetApi]);
  if (retired.error) {
    return (
      <Typography variant="body2" color="textSecondary">
        Retired clusters cannot be shown: {retired.error.message}
      </Typography>
    );
  }
  const items = retired.value?.items ?? [];
  if (items.length === 0) {
    return null;
  }
  return (
    <InfoCard
      title="Retired clusters"
      subheader="Removed from the fleet; their pod and service CIDRs stay reserved until the grace period ends"
    >
      <Table size="small" aria-label="Retired clusters">
        <TableHead>
          <TableRow>
            <TableCell>Cluster</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Left the catalog</TableCell>
            <TableCell>Pod CIDR</TableCell>
            <TableCell>Service CIDR</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(item => (
            <TableRow key={item.cluster}>
              <TableCell>{item.cluster}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  label={`retired — CIDRs free on ${day(item.cidrsFreeAt)}`}
                />
              </TableCell>
              <TableCell>{day(item.goneSince)}</TableCell>
              <TableCell>{item.podCidr}</TableCell>
              <TableCell>{item.serviceCidr}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
}
