import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  type ClusterProfileEntity,
  compareQuantities,
  isClusterEntity,
  isClusterProfileEntity,
  parseQuantity,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';

export type NamespaceQuotaOptions = {
  /** The form field holding the cluster's entity ref. @defaultValue cluster */
  clusterField?: string;
};

type Quota = Record<string, string>;

/** The quota resources of a profile with their defaults and maximums. */
export function quotaRows(profile: ClusterProfileEntity) {
  const tenancy = profile.spec.tenancy;
  const defaults = tenancy?.defaults?.quota ?? {};
  const maximums = tenancy?.maximums?.quota ?? {};
  const resources = [
    ...new Set([...Object.keys(defaults), ...Object.keys(maximums)]),
  ];
  return resources.map(resource => ({
    resource,
    defaultValue: defaults[resource],
    max: maximums[resource],
  }));
}

/** Why a value is not acceptable, or undefined. */
export function quotaProblem(
  value: string | undefined,
  max: string | undefined,
): string | undefined {
  if (!value) {
    return undefined;
  }
  const parsed = parseQuantity(value);
  if (!parsed.ok) {
    return parsed.reason;
  }
  if (max && parseQuantity(max).ok && compareQuantities(value, max) > 0) {
    return `above the profile's maximum of ${max}`;
  }
  return undefined;
}

function formValue(formContext: unknown, field: string): string | undefined {
  const data = (formContext as { formData?: Record<string, unknown> })
    ?.formData;
  const value = data?.[field];
  return typeof value === 'string' && value ? value : undefined;
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
  const clusterField = uiSchema?.['ui:options']?.clusterField ?? 'cluster';
  const clusterRef = formValue(formContext, clusterField);
  const catalogApi = useApi(catalogApiRef);
  const {
    value: profile,
    loading,
    error,
  } = useAsync(async () => {
    if (!clusterRef) {
      return undefined;
    }
    const cluster = await catalogApi.getEntityByRef(clusterRef);
    if (!cluster || !isClusterEntity(cluster) || !cluster.spec.profile) {
      return undefined;
    }
    const entity = await catalogApi.getEntityByRef(
      cluster.spec.profile.includes(':')
        ? cluster.spec.profile
        : `clusterprofile:default/${cluster.spec.profile}`,
    );
    return entity && isClusterProfileEntity(entity) ? entity : undefined;
  }, [catalogApi, clusterRef]);

  const rows = profile ? quotaRows(profile) : [];
  const profileName = profile?.metadata.name;

  // A new cluster (and so profile) starts from that profile's defaults.
  useEffect(() => {
    if (!profile) {
      return;
    }
    const defaults = Object.fromEntries(
      quotaRows(profile)
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
          const problem = quotaProblem(value, max);
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
      {profile && (
        <FormHelperText>
          Defaults and maximums of the profile{' '}
          {profile.metadata.title ?? profile.metadata.name}
        </FormHelperText>
      )}
    </FormControl>
  );
}

/** Field validation: quantities that parse (the maximums are checked against the profile in the field and the backend). */
export function namespaceQuotaValidation(
  value: Quota | undefined,
  validation: { addError: (message: string) => void },
) {
  for (const [resource, quantity] of Object.entries(value ?? {})) {
    const problem = quotaProblem(quantity, undefined);
    if (problem) {
      validation.addError(`${resource}: ${problem}`);
    }
  }
}
