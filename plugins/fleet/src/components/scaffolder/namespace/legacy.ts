import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { fleetPlugin } from '../../../plugin';
import { ClusterPicker } from './ClusterPicker';
import {
  NamespaceQuotaField,
  type NamespaceQuotaOptions,
  namespaceQuotaValidation,
} from './NamespaceQuotaField';

// The tenant-namespace form fields for apps on the legacy frontend system: put them
// inside <ScaffolderFieldExtensions> of the scaffolder page.

/** `ui:field: FleetClusterPicker` — a governed cluster, with its environment and profile. */
export const FleetClusterPickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string>({
    name: 'FleetClusterPicker',
    component: ClusterPicker,
  }),
);

/** `ui:field: FleetNamespaceQuota` — quota inputs with the chosen cluster's profile defaults and maximums. */
export const FleetNamespaceQuotaFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<Record<string, string>, NamespaceQuotaOptions>(
    {
      name: 'FleetNamespaceQuota',
      component: NamespaceQuotaField,
      validation: namespaceQuotaValidation,
    },
  ),
);
