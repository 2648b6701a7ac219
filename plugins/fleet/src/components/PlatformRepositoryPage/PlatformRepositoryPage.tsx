import Grid from '@material-ui/core/Grid';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { platformRepoApiRef } from '../../api/PlatformRepoApi';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { RepositoryState } from './RepositoryState';

/**
 * What the catalog last read from each platform repository, and every file it skipped
 * with the reason, for the platform owners who fix them.
 */
export function PlatformRepositoryPage() {
  const api = useApi(platformRepoApiRef);
  const { value, loading, error } = useAsync(() => api.getStatus(), [api]);
  return (
    <Page themeId="tool">
      <Header
        title="Platform repository"
        subtitle="What the catalog last read from the platform repository, and every file it skipped"
      />
      <Content>
        {loading && <Progress />}
        {error && (
          <FleetErrorPanel
            error={error}
            title="Could not load the state of the platform repository"
            subject="the state of the platform repository"
            permission="fleet.platformRepo.read"
          />
        )}
        {value && value.items.length === 0 && (
          <EmptyState
            missing="info"
            title="No platform repository is configured"
            description="The catalog reads a platform repository once catalog.providers.fleetPlatformRepo names its remote."
          />
        )}
        {value && value.items.length > 0 && (
          <Grid container spacing={3}>
            {value.items.map(status => (
              <Grid item xs={12} key={status.id}>
                <RepositoryState status={status} />
              </Grid>
            ))}
          </Grid>
        )}
      </Content>
    </Page>
  );
}
