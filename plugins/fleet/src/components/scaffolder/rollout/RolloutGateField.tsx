import { useEffect } from 'react';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import useAsync from 'react-use/esm/useAsync';
import { rolloutApiRef } from '../../../api/RolloutApi';
import { tryParseEntityRef } from '../../../lib/refs';
import { GateVerdict } from '../../RolloutView/GateVerdict';
import { formValue } from '../cluster/useClusterProfile';

export type RolloutGateOptions = {
  /** The field holding the ClusterProfile's entity ref. @defaultValue profile */
  profileField?: string;
};

/**
 * The wave a promotion moves: the next wave of the chosen profile's rollout, shown with the gate
 * before it in words and its evidence. The value is that wave only while the fleet backend says it
 * may be promoted; otherwise it stays empty (the form cannot go on) and the field says why. The
 * action judges the gate again when it runs.
 */
export function RolloutGateField(
  props: FieldExtensionComponentProps<string, RolloutGateOptions>,
) {
  const { formData, onChange, uiSchema, formContext, schema, rawErrors } =
    props;
  const options = uiSchema?.['ui:options'] ?? {};
  const profileRef = formValue(formContext, options.profileField ?? 'profile');
  const profileName = tryParseEntityRef(profileRef, 'clusterprofile')?.name;
  const api = useApi(rolloutApiRef);
  const {
    value: view,
    loading,
    error,
  } = useAsync(
    async () => (profileName ? api.getRollout(profileName) : undefined),
    [api, profileName],
  );
  const wave = view?.promotable ? view.nextWave : undefined;
  useEffect(() => {
    if (!loading && (wave ?? '') !== (formData ?? '')) {
      onChange(wave ?? '');
    }
  }, [loading, wave, formData, onChange]);

  const problem = () => {
    if (!profileName) return 'Choose a cluster profile first';
    if (error)
      return `Could not read the rollout of ${profileName}: ${error.message}`;
    if (!view) return undefined;
    if (!view.nextWave) {
      return `Every cluster of ${profileName} runs ${view.targetVersion}: there is no wave to promote`;
    }
    if (!view.promotable) {
      return `${view.nextWave} cannot be promoted now: ${
        view.gate?.reason ?? view.summary
      }`;
    }
    return undefined;
  };
  const next = view?.waves.find(w => w.name === view.nextWave);
  const moving = next?.clusters.filter(c => !c.onTarget) ?? [];
  return (
    <FormControl
      fullWidth
      margin="normal"
      required
      error={!!problem() || !!rawErrors?.length}
    >
      <Typography variant="subtitle1">
        {schema.title ?? 'Wave to promote'}
      </Typography>
      {loading && <Progress />}
      {view?.nextWave && next && (
        <Box display="flex" flexDirection="column" gridGap={12} mt={1}>
          <Typography variant="body1" data-testid="fleet-rollout-next-wave">
            <strong>{view.nextWave}</strong> to {view.targetVersion}:{' '}
            {moving.length === 1 ? '1 cluster' : `${moving.length} clusters`} (
            {moving.map(c => c.title ?? c.name).join(', ')})
          </Typography>
          {view.gate && <GateVerdict gate={view.gate} />}
        </Box>
      )}
      <FormHelperText>{problem() ?? schema.description}</FormHelperText>
    </FormControl>
  );
}
