import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { NamespacePicker, namespacePickerValidation } from './NamespacePicker';
import {
  NamespaceLimitsField,
  namespaceLimitsValidation,
} from './NamespaceLimitsField';

// The Day-2 namespace form fields of their own for the new frontend system (loaded lazily by
// FormFieldBlueprint); quota, roles and request text are the tenant-namespace fields with
// `namespaceField` / `request` options.

export const namespacePickerField = createFormField({
  name: 'FleetNamespacePicker',
  component: NamespacePicker,
  validation: namespacePickerValidation,
});

export const namespaceLimitsField = createFormField({
  name: 'FleetNamespaceLimits',
  component: NamespaceLimitsField,
  validation: namespaceLimitsValidation,
});
