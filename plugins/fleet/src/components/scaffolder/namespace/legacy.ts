import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { fleetPlugin } from '../../../plugin';
import { ClusterPicker, clusterPickerValidation } from './ClusterPicker';
import {
  TenancyQuotaField,
  type TenancyQuotaOptions,
  tenancyQuotaValidation,
} from '../namespaceChange/TenancyQuotaField';
import {
  NamespaceRolesField,
  type NamespaceRolesOptions,
  namespaceRolesValidation,
} from './NamespaceRolesField';
import {
  RequestTextField,
  type RequestTextOptions,
  requestTextValidation,
} from './RequestTextField';

// The tenant-namespace form fields for apps on the legacy frontend system: put them
// inside <ScaffolderFieldExtensions> of the scaffolder page.

/** `ui:field: FleetClusterPicker` — a governed cluster, with its environment and profile. */
export const FleetClusterPickerFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string>({
    name: 'FleetClusterPicker',
    component: ClusterPicker,
    validation: clusterPickerValidation,
  }),
);

/**
 * `ui:field: FleetNamespaceQuota` — quota inputs with the chosen cluster's profile defaults and
 * maximums; with `namespaceField`, an existing namespace's quota with the team budget.
 */
export const FleetNamespaceQuotaFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<Record<string, string>, TenancyQuotaOptions>({
    name: 'FleetNamespaceQuota',
    component: TenancyQuotaField,
    validation: tenancyQuotaValidation,
  }),
);

/** `ui:field: FleetNamespaceRoles` — the roles the chosen cluster's (or namespace's) profile allows. */
export const FleetNamespaceRolesFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string[], NamespaceRolesOptions>({
    name: 'FleetNamespaceRoles',
    component: NamespaceRolesField,
    validation: namespaceRolesValidation,
  }),
);

/** `ui:field: FleetRequestText` — a request text field checked by the request rules (`ui:options.rule`). */
export const FleetRequestTextFieldExtension = fleetPlugin.provide(
  createScaffolderFieldExtension<string, RequestTextOptions>({
    name: 'FleetRequestText',
    component: RequestTextField,
    validation: requestTextValidation,
  }),
);
