import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';
import { LifecycleStatusChip } from '../LifecycleStatus';
import { useMyGroups } from './useMyGroups';

/** Reviews and retirements of my teams' clusters that are due, overdue or near, worst first. */
export function MyReviewsContent() {
  const groups = useMyGroups();
  const fleetApi = useApi(fleetApiRef);
  const { value, loading, error } = useAsync(async () => {
    const owner = groups.value ?? [];
    if (owner.length === 0) {
      return [];
    }
    const page = await fleetApi.listClusters({
      owner,
      status: ['review-overdue', 'review-due', 'retiring-soon', 'retired'],
      limit: 20,
    });
    return page.items;
  }, [groups.value, fleetApi]);

  if (groups.loading || loading) {
    return <Progress />;
  }
  if (groups.error || error) {
    return <ResponseErrorPanel error={(groups.error ?? error)!} />;
  }
  if (!value?.length) {
    return (
      <Typography variant="body2">
        No reviews or retirements of your teams' clusters are due.
      </Typography>
    );
  }
  return (
    <List dense>
      {value.map(cluster => (
        <ListItem key={cluster.entityRef} disableGutters>
          <ListItemText
            primary={<EntityRefLink entityRef={cluster.entityRef} />}
            secondary={
              cluster.status === 'retiring-soon' || cluster.status === 'retired'
                ? `retire by ${cluster.retireBy ?? '—'}`
                : `review by ${cluster.reviewBy ?? '—'}`
            }
          />
          <LifecycleStatusChip
            status={cluster.status}
            daysLeft={cluster.daysLeft}
          />
        </ListItem>
      ))}
    </List>
  );
}
