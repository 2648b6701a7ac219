import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** New-frontend-system extensions of the promote-rollout form field. */
export const rolloutFormFields = [
  FormFieldBlueprint.make({
    name: 'fleet-rollout-gate',
    params: {
      field: () => import('./formFields').then(m => m.rolloutGateField),
    },
  }),
];
