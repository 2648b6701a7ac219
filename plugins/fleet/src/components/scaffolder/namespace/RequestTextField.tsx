import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type { NamespaceFormField } from '@fleet-portal/plugin-fleet-common';
import { namespaceFieldValidation } from './validation';

export type RequestTextOptions = {
  /**
   * The request field whose rules apply: namespace, costCenter, reason or description. Not
   * `field`: rjsf reads `ui:options.field` as the field component's name.
   */
  rule: NamespaceFormField;
  /** Lines of a multi-line field. */
  rows?: number;
};

/**
 * A text field of the tenant-namespace request checked by the request rules (see
 * namespaceFieldValidation): no pattern of its own, so what it says is the rule in words,
 * and only once the field was left or Next was pressed.
 */
export function RequestTextField(
  props: FieldExtensionComponentProps<string, RequestTextOptions>,
) {
  const {
    formData,
    onChange,
    required,
    rawErrors,
    schema,
    uiSchema,
    idSchema,
  } = props;
  const [touched, setTouched] = useState(false);
  const rows = uiSchema?.['ui:options']?.rows;
  const shown = touched || !!formData ? rawErrors ?? [] : [];
  return (
    <TextField
      id={idSchema?.$id}
      label={schema.title}
      required={required}
      fullWidth
      margin="normal"
      multiline={!!rows}
      minRows={rows}
      value={formData ?? ''}
      error={shown.length > 0}
      helperText={schema.description}
      onBlur={() => setTouched(true)}
      onChange={event => onChange(event.target.value || undefined)}
    />
  );
}

/** The rules of the field named in `ui:options.rule`. */
export const requestTextValidation: CustomFieldValidator<
  string,
  RequestTextOptions
> = (value, validation, context) => {
  const field = context.uiSchema?.['ui:options']?.rule;
  return field
    ? namespaceFieldValidation<string>(field)(value, validation, context)
    : undefined;
};
