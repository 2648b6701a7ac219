import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  acceptedProfileVersions,
  CLUSTER_SPEC_TYPE,
  type ClusterProfileEntity,
  ENVIRONMENTS,
  environmentsFor,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import { useClusterProfile, formValue } from './useClusterProfile';
import type { ClusterRequestFieldOptions } from './validation';

/** The choices the profile gives for a field; undefined where the fleet suggests values instead. */
export function profileChoices(
  field: string,
  profile: ClusterProfileEntity,
): Array<{ value: string; label: string }> | undefined {
  if (field === 'profileVersion') {
    return acceptedProfileVersions(profile).map((version, index) => ({
      value: version,
      label:
        index === 0 ? `${version} (current)` : `${version} (still allowed)`,
    }));
  }
  if (field === 'environment') {
    return (environmentsFor(profile) ?? ENVIRONMENTS).map(env => ({
      value: env,
      label: env,
    }));
  }
  return undefined;
}

/** Two sentences, the first closed with a full stop. */
function sentences(first: string | undefined, second: string): string {
  if (!first) {
    return second;
  }
  return `${first}${first.endsWith('.') ? '' : '.'} ${second}`;
}

/**
 * A field the profile or the fleet knows the values of: the profile's versions and the
 * environments its type builds are picked from a list (the only one is chosen); the environment
 * group and region offer the values the fleet's clusters already use, free text still allowed.
 */
export function ProfileChoiceField(
  props: FieldExtensionComponentProps<string, ClusterRequestFieldOptions>,
) {
  const {
    formData,
    onChange,
    rawErrors,
    schema,
    uiSchema,
    formContext,
    idSchema,
    required,
  } = props;
  const options = uiSchema?.['ui:options'];
  const field = options?.rule ?? 'environment';
  const { value: profile } = useClusterProfile(
    formValue(formContext, options?.profileField ?? 'profile'),
  );
  const choices = profile ? profileChoices(field, profile) : undefined;
  const catalogApi = useApi(catalogApiRef);
  const { value: suggestions } = useAsync(async () => {
    if (field !== 'environmentGroup' && field !== 'region') {
      return [];
    }
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Resource', 'spec.type': CLUSTER_SPEC_TYPE },
      fields: [`spec.${field}`],
    });
    return [
      ...new Set(
        items
          .map(item => item.spec?.[field])
          .filter((v): v is string => typeof v === 'string' && v !== ''),
      ),
    ].sort();
  }, [catalogApi, field]);

  const values = choices?.map(c => c.value).join('|');
  // One choice, or a value the new profile does not offer: take its first choice.
  useEffect(() => {
    if (
      choices &&
      choices.length > 0 &&
      !choices.some(c => c.value === formData)
    ) {
      onChange(choices[0].value);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values]);

  const id = idSchema?.$id ?? `fleet-${field}`;
  if (choices) {
    return (
      <TextField
        select
        id={id}
        label={schema.title}
        required={required}
        fullWidth
        margin="normal"
        value={choices.some(c => c.value === formData) ? formData : ''}
        error={!!rawErrors?.length}
        helperText={sentences(
          schema.description,
          `Offered by profile ${
            profile?.metadata.title ?? profile?.metadata.name
          }.`,
        )}
        onChange={event => onChange(String(event.target.value))}
      >
        {choices.map(choice => (
          <MenuItem key={choice.value} value={choice.value}>
            {choice.label}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <>
      <TextField
        id={id}
        label={schema.title}
        required={required}
        fullWidth
        margin="normal"
        value={formData ?? ''}
        error={!!rawErrors?.length}
        helperText={schema.description}
        inputProps={{ list: `${id}-suggestions` }}
        onChange={event => onChange(event.target.value || undefined)}
      />
      <datalist id={`${id}-suggestions`}>
        {(suggestions ?? []).map(value => (
          <option key={value} value={value} />
        ))}
      </datalist>
    </>
  );
}
