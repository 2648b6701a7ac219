import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type { RolloutView } from '@fleet-portal/plugin-fleet-common';
import { GateVerdict } from './GateVerdict';
import { PromoteButton } from './PromoteButton';
import { progressText } from './rolloutText';

/** The rollout at a glance: progress, the next wave, the gate guarding it, and the promote action. */
export function RolloutSummary(props: { view: RolloutView }) {
  const { view } = props;
  const total = view.waves.reduce((sum, w) => sum + w.total, 0);
  const onTarget = view.waves.reduce((sum, w) => sum + w.onTarget, 0);
  return (
    <InfoCard
      title={`Rollout of ${view.profileTitle ?? view.profileName} ${
        view.targetVersion
      }`}
      subheader={`${progressText(onTarget, total, view.targetVersion)}${
        view.nextWave ? ` · next wave: ${view.nextWave}` : ''
      }`}
    >
      <Box display="flex" flexDirection="column" gridGap={16}>
        <Typography variant="body1" data-testid="rollout-summary">
          {view.summary}
        </Typography>
        {view.gate && <GateVerdict gate={view.gate} />}
        <Box>
          <PromoteButton view={view} />
        </Box>
      </Box>
    </InfoCard>
  );
}
