import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type { NamespaceFormField } from '@fleet-portal/plugin-fleet-common';
import { DeletionSummary } from '../namespaceChange/DeletionSummary';
import {
  day2FieldValidation,
  type Day2Request,
} from '../namespaceChange/validation';
import { namespaceFieldValidation } from './validation';

export type RequestTextOptions = {
  /**
   * The request field whose rules apply: namespace, costCenter, reason or description (a new
   * namespace), reason or confirmation (Day-2). Not `field`: rjsf reads `ui:options.field` as
   * the field component's name.
   */
  rule: NamespaceFormField | 'confirmation';
  /** The Day-2 form the field belongs to; absent for a new-namespace request. */
  request?: Day2Request;
  /** With `rule: confirmation`: the form field holding the namespace given back. */
  namespaceField?: string;
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
    formContext,
  } = props;
  const [touched, setTouched] = useState(false);
  const options = uiSchema?.['ui:options'];
  const rows = options?.rows;
  const shown = touched || !!formData ? rawErrors ?? [] : [];
  const field = (
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
      // a confirmation says what it deletes below, for the namespace chosen
      helperText={
        options?.rule === 'confirmation' ? undefined : schema.description
      }
      onBlur={() => setTouched(true)}
      onChange={event => onChange(event.target.value || undefined)}
    />
  );
  if (options?.rule !== 'confirmation') {
    return field;
  }
  return (
    <>
      {field}
      <DeletionSummary
        formContext={formContext}
        namespaceField={options.namespaceField ?? 'namespace'}
      />
    </>
  );
}

/** The rules of the field named in `ui:options.rule`, of the form named in `ui:options.request`. */
export const requestTextValidation: CustomFieldValidator<
  string,
  RequestTextOptions
> = (value, validation, context) => {
  const options = context.uiSchema?.['ui:options'];
  const field = options?.rule;
  if (!field) {
    return undefined;
  }
  if (options?.request) {
    return day2FieldValidation<string>(options.request, field)(
      value,
      validation,
      context,
    );
  }
  return field === 'confirmation'
    ? undefined
    : namespaceFieldValidation<string>(field)(value, validation, context);
};
