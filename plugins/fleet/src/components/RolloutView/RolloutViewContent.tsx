import Grid from '@material-ui/core/Grid';
import { EmptyState } from '@backstage/core-components';
import type { RolloutView } from '@fleet-portal/plugin-fleet-common';
import { RolloutSummary } from './RolloutSummary';
import { WaveCard } from './WaveCard';

/** A profile's rollout: the summary with the deciding gate, then every wave in promotion order. */
export function RolloutViewContent(props: { view: RolloutView }) {
  const { view } = props;
  if (view.waves.every(w => w.total === 0)) {
    return (
      <EmptyState
        missing="data"
        title="No clusters are built from this profile yet"
        description="A rollout moves the clusters of a profile to its version, wave by wave; this profile has none."
      />
    );
  }
  if (!view.nextWave) {
    return (
      <EmptyState
        missing="info"
        title="No version in rollout"
        description={`Every cluster of ${
          view.profileTitle ?? view.profileName
        } runs ${
          view.targetVersion
        }. A new profile version starts a rollout through its waves (spec.rollout.waves).`}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <RolloutSummary view={view} />
      </Grid>
      {view.waves.map(wave => (
        <Grid item xs={12} key={wave.name}>
          <WaveCard view={view} wave={wave} />
        </Grid>
      ))}
    </Grid>
  );
}
