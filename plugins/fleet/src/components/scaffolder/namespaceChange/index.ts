export { NamespacePicker } from './NamespacePicker';
export type { NamespacePickerOptions } from './NamespacePicker';
export { NamespaceLimitsField } from './NamespaceLimitsField';
export { NamespaceChangeQuotaField } from './NamespaceChangeQuotaField';
export { TenancyQuotaField } from './TenancyQuotaField';
