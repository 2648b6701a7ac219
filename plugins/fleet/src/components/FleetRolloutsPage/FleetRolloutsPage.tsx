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
import { rolloutApiRef } from '../../api/RolloutApi';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { RolloutsTable } from './RolloutsTable';

/** The profile versions on their way through their waves, fleet-wide. */
export function FleetRolloutsPage() {
  const api = useApi(rolloutApiRef);
  const { value, loading, error } = useAsync(() => api.listRollouts(), [api]);
  const inRollout = value?.items.filter(item => item.inRollout) ?? [];
  const done = value?.items.filter(item => !item.inRollout) ?? [];
  return (
    <Page themeId="tool">
      <Header
        title="Rollouts"
        subtitle="Profile versions on their way through their waves of clusters"
      />
      <Content>
        {loading && <Progress />}
        {error && (
          <FleetErrorPanel
            error={error}
            title="Could not load the rollouts"
            subject="rollouts"
            permission="fleet.health.read"
          />
        )}
        {value && inRollout.length === 0 && (
          <EmptyState
            missing="info"
            title="No version in rollout"
            description="Every governed cluster runs its profile's version. A new profile version starts a rollout through the profile's waves."
          />
        )}
        {value && inRollout.length > 0 && (
          <InfoCard title="In rollout" noPadding>
            <RolloutsTable items={inRollout} />
          </InfoCard>
        )}
        {done.length > 0 && (
          <Typography
            variant="body2"
            color="textSecondary"
            style={{ marginTop: 16 }}
          >
            Rolled out:{' '}
            {done
              .map(d => `${d.profileTitle ?? d.profileName} ${d.targetVersion}`)
              .join(', ')}
          </Typography>
        )}
      </Content>
    </Page>
  );
}
