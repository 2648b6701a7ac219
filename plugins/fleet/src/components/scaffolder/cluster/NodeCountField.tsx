import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { nodeBounds } from '@fleet-portal/plugin-fleet-common';
import { useClusterProfile, formValue } from './useClusterProfile';
import type { ClusterRequestFieldOptions } from './validation';

/** The node group a field counts. */
const GROUP = {
  controlPlaneNodes: 'controlPlane',
  workerNodes: 'workers',
} as const;

/**
 * A node count bounded by the chosen profile: it starts at the profile's minimum and says the
 * profile's bounds; the request rules block the step outside them.
 */
export function NodeCountField(
  props: FieldExtensionComponentProps<number, ClusterRequestFieldOptions>,
) {
  const {
    formData,
    onChange,
    rawErrors,
    schema,
    uiSchema,
    formContext,
    idSchema,
  } = props;
  const options = uiSchema?.['ui:options'];
  const group =
    GROUP[(options?.rule ?? 'workerNodes') as keyof typeof GROUP] ?? 'workers';
  const { value: profile } = useClusterProfile(
    formValue(formContext, options?.profileField ?? 'profile'),
  );
  const bounds = profile ? nodeBounds(profile)[group] : undefined;
  const profileName = profile?.metadata.name;

  // Another profile: start at its minimum.
  useEffect(() => {
    if (bounds) {
      onChange(bounds.min);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileName]);

  let range = 'Choose a cluster profile first';
  if (bounds) {
    range =
      bounds.max === undefined
        ? `At least ${bounds.min} (profile ${profileName})`
        : `${bounds.min}–${bounds.max} (profile ${profileName})`;
  }
  return (
    <TextField
      id={idSchema?.$id}
      type="number"
      label={schema.title}
      margin="normal"
      value={formData ?? ''}
      error={!!rawErrors?.length}
      helperText={range}
      // no min/max: the browser's own range message would replace the rule's words
      inputProps={{ step: 1 }}
      onChange={event =>
        onChange(
          event.target.value === '' ? undefined : Number(event.target.value),
        )
      }
    />
  );
}
