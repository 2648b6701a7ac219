import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { cidrPreviewValidation, CidrPreviewField } from './CidrPreviewField';
import {
  ClusterNameBuilder,
  clusterNameValidation,
} from './ClusterNameBuilder';
import { ClusterProfilePicker } from './ClusterProfilePicker';
import { LifetimeDateField } from './LifetimeDateField';
import { NodeCountField } from './NodeCountField';
import { ProfileChoiceField } from './ProfileChoiceField';
import { clusterFieldValidation } from './validation';

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

// Request fields judged by the request rules of fleet-common (`ui:options.rule` names the rule's field).

export const clusterProfileChoiceField = createFormField({
  name: 'FleetProfileChoice',
  component: ProfileChoiceField,
  validation: clusterFieldValidation<string>(),
});

export const nodeCountField = createFormField({
  name: 'FleetNodeCount',
  component: NodeCountField,
  validation: clusterFieldValidation<number>(),
});

export const lifetimeDateField = createFormField({
  name: 'FleetLifetimeDate',
  component: LifetimeDateField,
  validation: clusterFieldValidation<string>(),
});
