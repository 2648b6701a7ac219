import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** New-frontend-system extensions of the tenant-namespace form fields. */
export const namespaceFormFields = [
  FormFieldBlueprint.make({
    name: 'fleet-cluster-picker',
    params: {
      field: () => import('./formFields').then(m => m.clusterPickerField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-namespace-quota',
    params: {
      field: () => import('./formFields').then(m => m.namespaceQuotaField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-namespace-roles',
    params: {
      field: () => import('./formFields').then(m => m.namespaceRolesField),
    },
  }),
  FormFieldBlueprint.make({
    name: 'fleet-request-text',
    params: {
      field: () => import('./formFields').then(m => m.requestTextField),
    },
  }),
];
