import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { rolloutApiRef } from '../../api/RolloutApi';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { RolloutViewContent } from './RolloutViewContent';

/** The "Rollout" tab of a ClusterProfile: its version's progress through the waves, gates and promote. */
export function ProfileRolloutContent() {
  const { entity } = useEntity();
  const api = useApi(rolloutApiRef);
  const name = entity.metadata.name;
  const { value, loading, error } = useAsync(
    () => api.getRollout(name),
    [api, name],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <FleetErrorPanel
        error={error}
        title={`Could not load the rollout of ${name}`}
        subject="rollouts"
        permission="fleet.health.read"
      />
    );
  }
  return value ? <RolloutViewContent view={value} /> : null;
}
