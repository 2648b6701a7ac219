import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { RolloutGateField } from './RolloutGateField';

// The promote-rollout form field for the new frontend system (loaded lazily by FormFieldBlueprint).

export const rolloutGateField = createFormField({
  name: 'FleetRolloutGate',
  component: RolloutGateField,
});
