import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { useEffect } from 'react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import {
  defaultRoles,
  requestableRoles,
} from '@fleet-portal/plugin-fleet-common';
import {
  type TenancySourceOptions,
  useTenancySource,
} from '../namespaceChange/useTenancySource';
import { day2FieldValidation } from '../namespaceChange/validation';
import { namespaceFieldValidation } from './validation';

/** `clusterField` for a new namespace, `namespaceField` to change an existing one's roles. */
export type NamespaceRolesOptions = TenancySourceOptions;

const ROLE_TEXT: Record<string, string> = {
  view: 'view — read everything but secrets',
  edit: 'edit — deploy and change workloads',
  admin: 'admin — also manage roles inside the namespace',
};

/**
 * The ClusterRoles bound to the team: only the roles the chosen cluster's profile allows are
 * offered (platform-only roles never), starting at the profile's default — or, for an
 * existing namespace, at the roles it has now.
 */
export function NamespaceRolesField(
  props: FieldExtensionComponentProps<string[], NamespaceRolesOptions>,
) {
  const { formData, onChange, rawErrors, schema, uiSchema, formContext } =
    props;
  const options = uiSchema?.['ui:options'];
  const { profile, loading, chosen, current } = useTenancySource(
    formContext,
    options,
  );
  const profileName = profile?.metadata.name;
  const currentRoles = current?.roles?.join(',');
  const offered = profile ? requestableRoles(profile) : [];

  // Another profile: start from its default roles, keep only those it allows; another
  // existing namespace: start from its roles.
  useEffect(() => {
    if (!profile) {
      return;
    }
    if (current?.roles) {
      onChange([...current.roles]);
      return;
    }
    const allowed = requestableRoles(profile);
    const kept = (formData ?? []).filter(role => allowed.includes(role));
    onChange(kept.length > 0 ? kept : defaultRoles(profile));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileName, currentRoles]);

  const selected = new Set(formData ?? []);
  const toggle = (role: string, on: boolean) =>
    onChange(offered.filter(r => (r === role ? on : selected.has(r))));

  return (
    <FormControl
      component="fieldset"
      margin="normal"
      error={!!rawErrors?.length}
    >
      <FormLabel component="legend">
        {schema.title ?? 'Roles of the team'}
      </FormLabel>
      {!chosen && (
        <FormHelperText>
          {options?.namespaceField
            ? 'Choose a namespace first.'
            : 'Choose a cluster first.'}
        </FormHelperText>
      )}
      {loading && (
        <FormHelperText>Loading the cluster's profile…</FormHelperText>
      )}
      <FormGroup row>
        {offered.map(role => (
          <FormControlLabel
            key={role}
            control={
              <Checkbox
                checked={selected.has(role)}
                onChange={event => toggle(role, event.target.checked)}
                name={role}
              />
            }
            label={ROLE_TEXT[role] ?? role}
          />
        ))}
      </FormGroup>
      {profile && (
        <FormHelperText>
          The roles the profile{' '}
          {profile.metadata.title ?? profile.metadata.name} allows for tenant
          teams
        </FormHelperText>
      )}
    </FormControl>
  );
}

/** The new-namespace rules, or the change rules for an existing namespace (`namespaceField`). */
export const namespaceRolesValidation: CustomFieldValidator<
  string[],
  NamespaceRolesOptions
> = (value, validation, context) =>
  (context.uiSchema?.['ui:options']?.namespaceField
    ? day2FieldValidation<string[]>('change', 'roles')
    : namespaceFieldValidation<string[]>('roles'))(value, validation, context);
