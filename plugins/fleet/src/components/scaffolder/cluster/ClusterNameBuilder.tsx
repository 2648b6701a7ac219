import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  type ClusterProfileEntity,
  isClusterProfileEntity,
  issueReason,
  validateClusterName,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { composeName, type NameParts, splitName, tiersOf } from './nameParts';
import { formValue, useClusterProfile } from './useClusterProfile';

export type ClusterNameBuilderOptions = {
  /** The form field holding the profile ref. @defaultValue profile */
  profileField?: string;
};

/** Why a name is not acceptable for a profile, or undefined when it is. */
export function nameProblem(
  name: string,
  profile: ClusterProfileEntity | undefined,
): string | undefined {
  if (!name) {
    return 'Fill in every part of the name';
  }
  const [problem] = validateClusterName(name, profile, 'name');
  return problem && issueReason(problem);
}

/**
 * Builds a cluster name from the parts of the naming convention — tier, location, purpose and
 * sequence number — and checks it live against the chosen profile's naming pattern and against
 * the names already in the catalog.
 */
export function ClusterNameBuilder(
  props: FieldExtensionComponentProps<string, ClusterNameBuilderOptions>,
) {
  const {
    formData,
    onChange,
    uiSchema,
    formContext,
    rawErrors,
    schema,
    idSchema,
  } = props;
  const id = idSchema?.$id ?? 'fleet-cluster-name';
  const profileField = uiSchema?.['ui:options']?.profileField ?? 'profile';
  const profileRef = formValue(formContext, profileField);
  const { value: profile, loading } = useClusterProfile(profileRef);
  const [parts, setParts] = useState<NameParts>(() => splitName(formData));
  const tiers = tiersOf(profile?.spec.naming?.pattern);
  const catalogApi = useApi(catalogApiRef);

  // A profile with a single tier fixes it.
  useEffect(() => {
    if (tiers.length > 0 && !tiers.includes(parts.tier)) {
      setParts(current => ({ ...current, tier: tiers[0] }));
    }
  }, [tiers.join('|')]); // eslint-disable-line react-hooks/exhaustive-deps

  const name = composeName(parts);
  // Only a name with every part filled in is the field's value: a half-typed one is neither
  // judged nor previewed (the CIDR preview waits for it).
  const complete = isComplete(parts);
  useEffect(() => {
    const value = complete ? name : undefined;
    if (value !== formData) {
      onChange(value);
    }
  }, [name, complete]); // eslint-disable-line react-hooks/exhaustive-deps

  const [debounced, setDebounced] = useState(name);
  useDebounce(() => setDebounced(name), 300, [name]);
  const problem = profile && complete ? nameProblem(name, profile) : undefined;
  // The answer names the name it is for: while the next lookup runs, useAsync still
  // holds the previous answer, which must not be shown against the new name.
  const { value: lookup } = useAsync(async () => {
    if (!debounced || !complete || nameProblem(debounced, profile)) {
      return undefined;
    }
    const entity = await catalogApi.getEntityByRef(
      `resource:default/${debounced}`,
    );
    return { name: debounced, taken: entity !== undefined };
  }, [catalogApi, debounced, profile]);

  const set =
    (key: keyof NameParts) => (event: { target: { value: unknown } }) =>
      setParts(current => ({ ...current, [key]: String(event.target.value) }));

  let status: { text: string; error: boolean };
  if (!profileRef) {
    status = { text: 'Choose a cluster profile first', error: false };
  } else if (loading) {
    status = { text: 'Loading the naming pattern…', error: false };
  } else if (!complete) {
    status = {
      text: 'Fill in location, purpose and number; the name is checked once it is complete',
      error: false,
    };
  } else if (problem) {
    status = { text: problem, error: true };
  } else if (lookup?.taken && lookup.name === name) {
    status = {
      text: `${name} is already in the catalog — cluster names are never reused`,
      error: true,
    };
  } else {
    status = {
      text: `${name} follows the naming pattern of ${profile?.metadata.name}`,
      error: false,
    };
  }

  return (
    <FormControl
      fullWidth
      margin="normal"
      error={status.error || !!rawErrors?.length}
    >
      <Typography variant="subtitle1">
        {schema.title ?? 'Cluster name'}
      </Typography>
      {profile?.spec.naming?.pattern && (
        <Typography variant="body2" color="textSecondary">
          Tier, location, purpose and number, joined by '-'
          {profile.spec.naming.example
            ? `, e.g. ${profile.spec.naming.example}`
            : ''}
        </Typography>
      )}
      <Box display="flex" gridGap={8} alignItems="flex-start" mt={1}>
        {tiers.length > 0 ? (
          <TextField
            select
            id={`${id}-tier`}
            label="Tier"
            value={parts.tier}
            onChange={set('tier')}
            style={{ minWidth: 100 }}
            inputProps={{ 'aria-label': 'Tier' }}
          >
            {tiers.map(tier => (
              <MenuItem key={tier} value={tier}>
                {tier}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            id={`${id}-tier`}
            label="Tier"
            value={parts.tier}
            onChange={set('tier')}
          />
        )}
        <TextField
          id={`${id}-location`}
          label="Location"
          helperText="region or site code, e.g. euw1, ber03"
          value={parts.location}
          onChange={set('location')}
        />
        <TextField
          id={`${id}-purpose`}
          label="Purpose"
          helperText="short word, e.g. store, payments"
          value={parts.purpose}
          onChange={set('purpose')}
        />
        <TextField
          id={`${id}-number`}
          label="Number"
          helperText="two digits"
          value={parts.number}
          onChange={set('number')}
          style={{ maxWidth: 110 }}
        />
      </Box>
      <Typography variant="h6" data-testid="fleet-cluster-name">
        {complete ? name : draftName(parts)}
      </Typography>
      <FormHelperText>{status.text}</FormHelperText>
    </FormControl>
  );
}

/** A name not yet complete, its missing parts named: `prd-‹location›-‹purpose›-‹nn›`. */
function draftName(parts: NameParts): string {
  const part = (value: string, placeholder: string) =>
    value.trim() ? value.trim().toLocaleLowerCase('en-US') : `‹${placeholder}›`;
  return [
    part(parts.tier, 'tier'),
    part(parts.location, 'location'),
    part(parts.purpose, 'purpose'),
    part(parts.number, 'nn'),
  ].join('-');
}

/** Every part of the name is filled in. */
function isComplete(parts: NameParts): boolean {
  return [parts.tier, parts.location, parts.purpose, parts.number].every(
    part => part.trim() !== '',
  );
}

/** Blocks the step while the name does not fit the profile's pattern (the backend checks again). */
export const clusterNameValidation: CustomFieldValidator<
  string,
  ClusterNameBuilderOptions
> = async (value, validation, context) => {
  const profileField =
    context.uiSchema?.['ui:options']?.profileField ?? 'profile';
  const profileRef = context.formData?.[profileField];
  let profile: ClusterProfileEntity | undefined;
  if (typeof profileRef === 'string' && profileRef) {
    const catalogApi = context.apiHolder.get(catalogApiRef);
    const entity = await catalogApi?.getEntityByRef(profileRef);
    profile = entity && isClusterProfileEntity(entity) ? entity : undefined;
  }
  const problem = nameProblem(value ?? '', profile);
  if (problem) {
    validation.addError(problem);
  }
};
