import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { cidrPreviewValidation, CidrPreviewField } from './CidrPreviewField';
import {
  ClusterNameBuilder,
  clusterNameValidation,
} from './ClusterNameBuilder';
import { ClusterProfilePicker } from './ClusterProfilePicker';

// The new-cluster form fields for the new frontend system (loaded lazily by FormFieldBlueprint).

export const clusterProfilePickerField = createFormField({
  name: 'FleetClusterProfilePicker',
  component: ClusterProfilePicker,
});

export const clusterNameBuilderField = createFormField({
  name: 'FleetClusterNameBuilder',
  component: ClusterNameBuilder,
  validation: clusterNameValidation,
});

export const cidrPreviewField = createFormField({
  name: 'FleetCidrPreview',
  component: CidrPreviewField,
  validation: cidrPreviewValidation,
});
