import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  checkTenancyRequest,
  type ClusterProfileEntity,
  fieldProblems,
  quotaResources,
} from '@fleet-portal/plugin-fleet-common';
import { useClusterProfileOf } from './useClusterProfileOf';
import { namespaceFieldValidation } from './validation';

export type NamespaceQuotaOptions = {
  /** The form field holding the cluster's entity ref. @defaultValue cluster */
  clusterField?: string;
};

type Quota = Record<string, string>;

/** What the request rules say of each resource of a quota, by resource. */
export function quotaProblems(
  quota: Quota | undefined,
  profile: ClusterProfileEntity,
): Record<string, string> {
  const { issues } = checkTenancyRequest({ quota }, profile);
  const problems: Record<string, string> = {};
  // the first problem of a resource is the one shown (the maximum before the requests-limits rule)
  for (const problem of fieldProblems(issues, 'quota')) {
    const colon = problem.indexOf(': ');
    const resource = problem.slice(0, colon);
    if (colon > 0 && !(resource in problems)) {
      problems[resource] = problem.slice(colon + 2);
    }
  }
  return problems;
}

/**
 * The ResourceQuota of a tenant namespace: one input per resource the chosen cluster's
 * profile governs, starting at the profile's defaults, each showing and checking the
 * profile's maximum. The backend checks again.
 */
export function NamespaceQuotaField(
  props: FieldExtensionComponentProps<Quota, NamespaceQuotaOptions>,
) {
  const { formData, onChange, rawErrors, schema, uiSchema, formContext } =
    props;
  const { profile, loading, error, clusterRef } = useClusterProfileOf(
    formContext,
    uiSchema?.['ui:options']?.clusterField ?? 'cluster',
  );

  const rows = profile ? quotaResources(profile) : [];
  const problems = profile ? quotaProblems(formData, profile) : {};
  const profileName = profile?.metadata.name;
  // A resource's problem shows once, at its input; the template hides rjsf's copy below the
  // field (ui:options.hideError), so the field shows the problems that belong to no input.
  const otherProblems = (rawErrors ?? []).filter(
    problem => !rows.some(row => problem.startsWith(`${row.resource}: `)),
  );

  // A new cluster (and so profile) starts from that profile's defaults.
  useEffect(() => {
    if (!profile) {
      return;
    }
    const defaults = Object.fromEntries(
      quotaResources(profile)
        .filter(r => r.defaultValue)
        .map(r => [r.resource, r.defaultValue!]),
    );
    onChange(defaults);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileName]);

  return (
    <FormControl
      fullWidth
      margin="normal"
      error={!!rawErrors?.length || !!error}
      component="fieldset"
    >
      <FormLabel component="legend">
        {schema.title ?? 'Resource quota'}
      </FormLabel>
      {!clusterRef && <FormHelperText>Choose a cluster first.</FormHelperText>}
      {loading && (
        <FormHelperText>Loading the cluster's profile…</FormHelperText>
      )}
      {error && (
        <FormHelperText>
          Cannot load the cluster's profile: {error.message}
        </FormHelperText>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        {rows.map(({ resource, defaultValue, max }) => {
          const value = formData?.[resource] ?? '';
          const problem = problems[resource];
          return (
            <TextField
              key={resource}
              id={`fleet-quota-${resource}`}
              label={resource}
              value={value}
              error={!!problem}
              helperText={
                problem ??
                [defaultValue && `default ${defaultValue}`, max && `max ${max}`]
                  .filter(Boolean)
                  .join(' · ')
              }
              onChange={event =>
                onChange({ ...formData, [resource]: event.target.value })
              }
            />
          );
        })}
      </Box>
      {otherProblems.map(problem => (
        <FormHelperText key={problem} error>
          {problem}
        </FormHelperText>
      ))}
      {profile && (
        <FormHelperText error={false}>
          Defaults and maximums of the profile{' '}
          {profile.metadata.title ?? profile.metadata.name}
        </FormHelperText>
      )}
    </FormControl>
  );
}

/** Blocks the step while a quantity breaks a rule of the profile (the action's rules). */
export const namespaceQuotaValidation =
  namespaceFieldValidation<Quota>('quota');
