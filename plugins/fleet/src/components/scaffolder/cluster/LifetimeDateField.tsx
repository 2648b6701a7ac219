import TextField from '@material-ui/core/TextField';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { lifetimeBounds } from '@fleet-portal/plugin-fleet-common';
import { useClusterProfile, formValue } from './useClusterProfile';
import type { ClusterRequestFieldOptions } from './validation';

/**
 * A review-by or retire-by date bounded by the chosen profile: from tomorrow to the profile's
 * review interval (review-by) or maximum lifetime (retire-by), said under the field.
 */
export function LifetimeDateField(
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
  const { value: profile } = useClusterProfile(
    formValue(formContext, options?.profileField ?? 'profile'),
  );
  const bounds = profile ? lifetimeBounds(profile, new Date()) : undefined;
  const retire = options?.rule === 'retireBy';
  const latest = retire ? bounds?.latestRetireBy : bounds?.latestReviewBy;

  let help = schema.description ?? '';
  if (bounds && !retire) {
    help = `By ${bounds.latestReviewBy} at the latest: clusters of profile ${profile?.metadata.name} are reviewed at least every ${bounds.reviewMonths} months`;
  } else if (bounds && latest) {
    help = `By ${latest} at the latest: the maximum lifetime of a project cluster on profile ${profile?.metadata.name}`;
  }
  return (
    <TextField
      id={idSchema?.$id}
      type="date"
      label={schema.title}
      required={required}
      margin="normal"
      InputLabelProps={{ shrink: true }}
      value={formData ?? ''}
      error={!!rawErrors?.length}
      helperText={help}
      onChange={event => onChange(event.target.value || undefined)}
    />
  );
}
