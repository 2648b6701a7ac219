import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import type { LimitRangeSpec } from '@fleet-portal/plugin-fleet-common';
import { fleetPlugin } from '../../../plugin';
import {
  NamespacePicker,
  type NamespacePickerOptions,
  namespacePickerValidation,
} from './NamespacePicker';
import {
  NamespaceLimitsField,
  type NamespaceLimitsOptions,
  namespaceLimitsValidation,
} from './NamespaceLimitsField';

// The Day-2 namespace form fields for apps on the legacy frontend system: put them inside
// <ScaffolderFieldExtensions> of the scaffolder page, with the tenant-namespace fields.

/** `ui:field: FleetNamespacePicker` — a governed tenant namespace the user may change or give back. */
export const FleetNamespacePickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string, NamespacePickerOptions>({
    name: 'FleetNamespacePicker',
    component: NamespacePicker,
    validation: namespacePickerValidation,
  }),
);

/** `ui:field: FleetNamespaceLimits` — an existing namespace's LimitRange defaults. */
export const FleetNamespaceLimitsFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<LimitRangeSpec, NamespaceLimitsOptions>({
    name: 'FleetNamespaceLimits',
    component: NamespaceLimitsField,
    validation: namespaceLimitsValidation,
  }),
);
