import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ClusterPicker } from './ClusterPicker';
import {
  NamespaceQuotaField,
  namespaceQuotaValidation,
} from './NamespaceQuotaField';

// The tenant-namespace form fields for the new frontend system (loaded lazily by FormFieldBlueprint).

export const clusterPickerField = createFormField({
  name: 'FleetClusterPicker',
  component: ClusterPicker,
});

export const namespaceQuotaField = createFormField({
  name: 'FleetNamespaceQuota',
  component: NamespaceQuotaField,
  validation: namespaceQuotaValidation,
});
