import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** New-frontend-system extensions of the new-cluster form fields. */
export const clusterFormFields = [
  FormFieldBlueprint.make({
    name: 'fleet-cluster-profile-picker',
    params: {
      field: () =>
        import('./formFields').then(m => m.clusterProfilePickerField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-cluster-name-builder',
    params: {
      field: () => import('./formFields').then(m => m.clusterNameBuilderField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-cidr-preview',
    params: {
      field: () => import('./formFields').then(m => m.cidrPreviewField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-profile-choice',
    params: {
      field: () =>
        import('./formFields').then(m => m.clusterProfileChoiceField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-node-count',
    params: {
      field: () => import('./formFields').then(m => m.nodeCountField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-lifetime-date',
    params: {
      field: () => import('./formFields').then(m => m.lifetimeDateField),
    },
  }),
];
