import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { fleetPlugin } from '../../../plugin';
import { RolloutGateField, type RolloutGateOptions } from './RolloutGateField';

/** `ui:field: FleetRolloutGate` — the next wave of the chosen profile's rollout with the gate before it. */
export const FleetRolloutGateFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string, RolloutGateOptions>({
    name: 'FleetRolloutGate',
    component: RolloutGateField,
  }),
);
