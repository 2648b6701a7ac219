import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import {
  formatQuantity,
  quotaResources,
} from '@fleet-portal/plugin-fleet-common';
import { TeamBudgetUsage, useTeamTitles } from '../../TeamBudget';
import { quotaProblems } from '../namespace/NamespaceQuotaField';
import {
  type LoadedNamespaceTarget,
  useNamespaceTarget,
} from './useNamespaceTarget';

export type NamespaceChangeQuotaOptions = {
  /** The form field holding the tenant namespace's entity ref. */
  namespaceField: string;
};

type Quota = Record<string, string>;

/** `now 4 · default 1 · max 8 · 2 left in the team budget` */
export function quotaFacts(
  resource: string,
  target: LoadedNamespaceTarget,
): string {
  const row = quotaResources(target.profile).find(r => r.resource === resource);
  const left = target.remaining[resource];
  return [
    `now ${target.entity.spec.quota?.[resource] ?? '—'}`,
    row?.defaultValue && `default ${row.defaultValue}`,
    row?.max && `max ${row.max}`,
    left !== undefined && `${formatQuantity(left)} left in the team budget`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The ResourceQuota of an existing tenant namespace: starts at its current quota; each input
 * shows the current value, the profile's default and maximum, and the room the owning team's
 * budget on the cluster has left; under the inputs, the team's usage against its budget.
 * A value above the maximum shows at once; the budget is checked with the step (Next/Review),
 * by the rules the change action runs.
 */
export function NamespaceChangeQuotaField(
  props: FieldExtensionComponentProps<Quota, NamespaceChangeQuotaOptions>,
) {
  const { formData, onChange, rawErrors, schema, uiSchema, formContext } =
    props;
  const namespaceField =
    uiSchema?.['ui:options']?.namespaceField ?? 'namespace';
  const {
    value: target,
    loading,
    error,
    ref,
  } = useNamespaceTarget(formContext, namespaceField);
  const titleOf = useTeamTitles(target ? [target.team] : []);
  const current = target?.entity.spec.quota;
  const targetRef = target?.entityRef;

  // Another namespace: start from its quota as it is now.
  useEffect(() => {
    if (target) {
      onChange({ ...target.entity.spec.quota });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetRef]);

  const resources = target
    ? [
        ...new Set([
          ...quotaResources(target.profile).map(r => r.resource),
          ...Object.keys(current ?? {}),
        ]),
      ]
    : [];
  const immediate = target ? quotaProblems(formData, target.profile) : {};
  const fromRules = byResource(rawErrors ?? [], resources);

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
      {!ref && <FormHelperText>Choose a namespace first.</FormHelperText>}
      {loading && <FormHelperText>Loading the namespace…</FormHelperText>}
      {error && (
        <FormHelperText>
          Cannot load the namespace: {error.message}
        </FormHelperText>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
        {target &&
          resources.map(resource => {
            const problem = fromRules.own[resource] ?? immediate[resource];
            return (
              <TextField
                key={resource}
                id={`fleet-quota-${resource}`}
                label={resource}
                value={formData?.[resource] ?? ''}
                error={!!problem}
                style={{ minWidth: 260 }}
                helperText={problem ?? quotaFacts(resource, target)}
                onChange={event =>
                  onChange({ ...formData, [resource]: event.target.value })
                }
              />
            );
          })}
      </Box>
      {fromRules.other.map(problem => (
        <FormHelperText key={problem} error>
          {problem}
        </FormHelperText>
      ))}
      {target?.budget && (
        <Box mt={2}>
          <TeamBudgetUsage
            team={target.team}
            teamTitle={titleOf(target.team)}
            cluster={target.cluster.metadata.name}
            budget={target.budget}
            namespaces={target.namespaces}
          />
        </Box>
      )}
      {target && !target.budget && (
        <FormHelperText>
          No team budget set by the profile{' '}
          {target.profile.metadata.title ?? target.profile.metadata.name}
        </FormHelperText>
      )}
    </FormControl>
  );
}

/** The rules' problems at their resource's input (`requests.cpu: …`), the rest for below the inputs. */
function byResource(problems: readonly string[], resources: readonly string[]) {
  const own: Record<string, string> = {};
  const other: string[] = [];
  for (const problem of problems) {
    const resource = resources.find(r => problem.startsWith(`${r}: `));
    if (resource && !(resource in own)) {
      own[resource] = problem.slice(resource.length + 2);
    } else if (!resource) {
      other.push(problem);
    }
  }
  return { own, other };
}
