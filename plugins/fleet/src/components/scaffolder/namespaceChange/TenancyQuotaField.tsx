import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  NamespaceQuotaField,
  type NamespaceQuotaOptions,
  namespaceQuotaValidation,
} from '../namespace/NamespaceQuotaField';
import { NamespaceChangeQuotaField } from './NamespaceChangeQuotaField';
import { day2FieldValidation } from './validation';

/** `clusterField` for a new namespace, `namespaceField` to change an existing one's quota. */
export type TenancyQuotaOptions = NamespaceQuotaOptions & {
  namespaceField?: string;
};

type Quota = Record<string, string>;

/** `ui:field: FleetNamespaceQuota` — a new namespace's quota, or an existing one's (`namespaceField`). */
export function TenancyQuotaField(
  props: FieldExtensionComponentProps<Quota, TenancyQuotaOptions>,
) {
  const namespaceField = props.uiSchema?.['ui:options']?.namespaceField;
  return namespaceField ? (
    <NamespaceChangeQuotaField
      {...(props as FieldExtensionComponentProps<Quota, any>)}
    />
  ) : (
    <NamespaceQuotaField {...props} />
  );
}

/** The new-namespace rules, or the change rules (budget included) for an existing namespace. */
export const tenancyQuotaValidation: CustomFieldValidator<
  Quota,
  TenancyQuotaOptions
> = (value, validation, context) =>
  context.uiSchema?.['ui:options']?.namespaceField
    ? day2FieldValidation<Quota>('change', 'quota')(value, validation, context)
    : namespaceQuotaValidation(value, validation, context);
