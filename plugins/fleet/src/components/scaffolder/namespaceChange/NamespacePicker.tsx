import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { useMyGroups } from '../../home/useMyGroups';
import { useTeamTitles } from '../../TeamBudget';
import { CatalogSelect } from '../shared/CatalogSelect';
import {
  type ChangeableNamespace,
  loadChangeableNamespaces,
} from './loadChangeableNamespaces';
import { day2FieldValidation, day2RequestOf } from './validation';

export type NamespacePickerOptions = {
  /** What the form does with the namespace: `change` (default) or `decommission`. */
  purpose?: 'change' | 'decommission';
};

const WORDS = {
  change: 'change',
  decommission: 'give back',
};

/**
 * Picks the tenant namespace of a Day-2 request among the governed namespaces the user may
 * act on (their teams'; platform owners: all), each with its cluster, environment and team.
 * The value is the namespace's entity ref; a link from the namespace page prefills it.
 */
export function NamespacePicker(
  props: FieldExtensionComponentProps<string, NamespacePickerOptions>,
) {
  const {
    formData,
    onChange,
    required,
    rawErrors,
    schema,
    idSchema,
    uiSchema,
  } = props;
  const purpose = uiSchema?.['ui:options']?.purpose ?? 'change';
  const catalogApi = useApi(catalogApiRef);
  const groups = useMyGroups();
  const namespaces = useAsync(
    () => loadChangeableNamespaces(catalogApi, groups.value ?? []),
    [catalogApi, groups.value],
  );
  const items = namespaces.value ?? [];
  const titleOf = useTeamTitles(items.map(ns => ns.team));
  const selected = items.find(ns => ns.ref === formData);
  const id = idSchema?.$id ?? 'fleet-namespace';
  const error = groups.error ?? namespaces.error;
  const loading = groups.loading || namespaces.loading;
  const facts = (ns: ChangeableNamespace) =>
    [ns.cluster, ns.environment, titleOf(ns.team)].filter(Boolean).join(' · ');

  return (
    <CatalogSelect
      id={id}
      label={schema.title ?? 'Namespace'}
      required={required}
      error={!!rawErrors?.length || !!error}
      value={formData}
      options={items.map(ns => ({
        value: ns.ref,
        primary: ns.namespace,
        secondary: facts(ns),
      }))}
      selectedText={
        selected ? `${selected.namespace} — ${facts(selected)}` : undefined
      }
      helperText={helperText({
        error,
        loading,
        count: items.length,
        purpose,
        description: schema.description,
        prefilled: !!formData && !selected,
      })}
      onChange={onChange}
    />
  );
}

function helperText(state: {
  error?: Error;
  loading: boolean;
  count: number;
  purpose: 'change' | 'decommission';
  description?: string;
  prefilled: boolean;
}): string {
  if (state.error) {
    return `Cannot load the namespaces: ${state.error.message}`;
  }
  if (state.loading) {
    return 'Loading the namespaces of your teams…';
  }
  if (state.prefilled) {
    return `The namespace you came from is not one you may ${
      WORDS[state.purpose]
    }: only your teams' governed namespaces are listed`;
  }
  if (state.count === 0) {
    return `Your teams own no governed namespace to ${WORDS[state.purpose]}`;
  }
  return (
    state.description ??
    `The governed namespaces of your teams that you may ${WORDS[state.purpose]}`
  );
}

/** Blocks the step unless the namespace is one the Day-2 rules accept (the action's rule). */
export const namespacePickerValidation: CustomFieldValidator<
  string,
  NamespacePickerOptions
> = (value, validation, context) =>
  day2FieldValidation<string>(
    day2RequestOf(context.uiSchema?.['ui:options']) ?? 'change',
    'namespace',
  )(value, validation, context);
