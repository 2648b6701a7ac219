import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { ClusterPicker, clusterPickerValidation } from './ClusterPicker';
import {
  TenancyQuotaField,
  tenancyQuotaValidation,
} from '../namespaceChange/TenancyQuotaField';
import {
  NamespaceRolesField,
  namespaceRolesValidation,
} from './NamespaceRolesField';
import { RequestTextField, requestTextValidation } from './RequestTextField';

// The tenant-namespace form fields for the new frontend system (loaded lazily by FormFieldBlueprint).
// Each validation hook runs the request rules the actions run (fleet-common).

export const clusterPickerField = createFormField({
  name: 'FleetClusterPicker',
  component: ClusterPicker,
  validation: clusterPickerValidation,
});

export const namespaceQuotaField = createFormField({
  name: 'FleetNamespaceQuota',
  component: TenancyQuotaField,
  validation: tenancyQuotaValidation,
});

export const namespaceRolesField = createFormField({
  name: 'FleetNamespaceRoles',
  component: NamespaceRolesField,
  validation: namespaceRolesValidation,
});

export const requestTextField = createFormField({
  name: 'FleetRequestText',
  component: RequestTextField,
  validation: requestTextValidation,
});
