import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { fleetPlugin } from '../../../plugin';
import {
  CidrPreviewField,
  cidrPreviewValidation,
  type CidrPreviewOptions,
  type PreviewedCidrs,
} from './CidrPreviewField';
import {
  ClusterNameBuilder,
  type ClusterNameBuilderOptions,
  clusterNameValidation,
} from './ClusterNameBuilder';
import { ClusterProfilePicker } from './ClusterProfilePicker';
import { LifetimeDateField } from './LifetimeDateField';
import { NodeCountField } from './NodeCountField';
import { ProfileChoiceField } from './ProfileChoiceField';
import {
  clusterFieldValidation,
  type ClusterRequestFieldOptions,
} from './validation';

// The new-cluster form fields for apps on the legacy frontend system: put them inside
// <ScaffolderFieldExtensions> of the scaffolder page.

/** `ui:field: FleetClusterProfilePicker` — a ClusterProfile with its type, version and summary. */
export const FleetClusterProfilePickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string>({
    name: 'FleetClusterProfilePicker',
    component: ClusterProfilePicker,
  }),
);

/** `ui:field: FleetClusterNameBuilder` — a name built from its parts, checked live against the profile's pattern. */
export const FleetClusterNameBuilderFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string, ClusterNameBuilderOptions>({
    name: 'FleetClusterNameBuilder',
    component: ClusterNameBuilder,
    validation: clusterNameValidation,
  }),
);

/** `ui:field: FleetCidrPreview` — the pod and service CIDRs the cluster would get. */
export const FleetCidrPreviewFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<PreviewedCidrs, CidrPreviewOptions>({
    name: 'FleetCidrPreview',
    component: CidrPreviewField,
    validation: cidrPreviewValidation,
  }),
);

/** `ui:field: FleetProfileChoice` — profile version or environment from the profile; environment group or region with the fleet's values. */
export const FleetProfileChoiceFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string, ClusterRequestFieldOptions>({
    name: 'FleetProfileChoice',
    component: ProfileChoiceField,
    validation: clusterFieldValidation<string>(),
  }),
);

/** `ui:field: FleetNodeCount` — a node count within the profile's bounds, starting at its minimum. */
export const FleetNodeCountFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<number, ClusterRequestFieldOptions>({
    name: 'FleetNodeCount',
    component: NodeCountField,
    validation: clusterFieldValidation<number>(),
  }),
);

/** `ui:field: FleetLifetimeDate` — a review-by or retire-by date within the profile's bounds. */
export const FleetLifetimeDateFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string, ClusterRequestFieldOptions>({
    name: 'FleetLifetimeDate',
    component: LifetimeDateField,
    validation: clusterFieldValidation<string>(),
  }),
);
