import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** New-frontend-system extensions of the Day-2 namespace form fields. */
export const namespaceChangeFormFields = [
  FormFieldBlueprint.make({
    name: 'fleet-namespace-picker',
    params: {
      field: () => import('./formFields').then(m => m.namespacePickerField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-namespace-limits',
    params: {
      field: () => import('./formFields').then(m => m.namespaceLimitsField),
    },
  }),
];
