import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  Link,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';

const STATE: Record<string, JSX.Element> = {
  completed: <StatusOK>done</StatusOK>,
  failed: <StatusError>failed</StatusError>,
  processing: <StatusRunning>running</StatusRunning>,
  open: <StatusPending>waiting</StatusPending>,
  cancelled: <StatusError>cancelled</StatusError>,
};

/** The signed-in user's own template runs (namespace and cluster requests), newest first. */
export function MyRequestsContent() {
  const scaffolderApi = useApi(scaffolderApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { tasks } = await scaffolderApi.listTasks!({
      filterByOwnership: 'owned',
      limit: 10,
    });
    return [...tasks].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [scaffolderApi]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value?.length) {
    return (
      <Typography variant="body2">You have not made a request yet.</Typography>
    );
  }
  return (
    <List dense>
      {value.map(task => {
        const template = task.spec.templateInfo?.entity?.metadata;
        const parameters = task.spec.parameters as Record<string, unknown>;
        const subject =
          (parameters?.namespace as string) ?? (parameters?.name as string);
        return (
          <ListItem key={task.id} disableGutters>
            <ListItemText
              primary={
                <Link to={`/create/tasks/${task.id}`}>
                  {template?.title ?? template?.name ?? 'Request'}
                </Link>
              }
              secondary={[
                subject,
                new Date(task.createdAt).toLocaleString('en-GB'),
              ]
                .filter(Boolean)
                .join(' · ')}
            />
            {STATE[task.status] ?? task.status}
          </ListItem>
        );
      })}
    </List>
  );
}
