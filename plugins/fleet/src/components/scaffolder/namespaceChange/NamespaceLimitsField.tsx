import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import { useEffect } from 'react';
import type {
  CustomFieldValidator,
  FieldExtensionComponentProps,
} from '@backstage/plugin-scaffolder-react';
import type { LimitRangeSpec } from '@fleet-portal/plugin-fleet-common';
import { useNamespaceTarget } from './useNamespaceTarget';
import { day2FieldValidation } from './validation';

export type NamespaceLimitsOptions = {
  /** The form field holding the tenant namespace's entity ref. */
  namespaceField: string;
};

const SECTIONS = [
  { section: 'defaultRequest', title: 'Default request' },
  { section: 'default', title: 'Default limit' },
] as const;
const RESOURCES = ['cpu', 'memory'];

/**
 * The LimitRange of an existing tenant namespace (the requests and limits a container gets
 * when it names none): starts at the namespace's current values, each input showing the
 * current value and the profile's default. Checked with the step by the change rules
 * (default request not above the default limit, the default limit within the quota).
 */
export function NamespaceLimitsField(
  props: FieldExtensionComponentProps<LimitRangeSpec, NamespaceLimitsOptions>,
) {
  const { formData, onChange, rawErrors, schema, uiSchema, formContext } =
    props;
  const { value: target, ref } = useNamespaceTarget(
    formContext,
    uiSchema?.['ui:options']?.namespaceField ?? 'namespace',
  );
  const targetRef = target?.entityRef;
  useEffect(() => {
    if (target) {
      const limits = target.entity.spec.limits ?? {};
      onChange({
        defaultRequest: { ...limits.defaultRequest },
        default: { ...limits.default },
      });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targetRef]);

  const defaults = target?.profile.spec.tenancy?.defaults?.limits;
  const current = target?.entity.spec.limits;
  const problems = rawErrors ?? [];
  const problemOf = (path: string) =>
    problems.find(p => p.startsWith(`${path}: `))?.slice(path.length + 2);

  return (
    <FormControl
      fullWidth
      margin="normal"
      component="fieldset"
      error={problems.length > 0}
    >
      <FormLabel component="legend">
        {schema.title ?? 'Container defaults (LimitRange)'}
      </FormLabel>
      {!ref && <FormHelperText>Choose a namespace first.</FormHelperText>}
      {target && (
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          {SECTIONS.flatMap(({ section, title }) =>
            RESOURCES.map(resource => {
              const path = `${section}.${resource}`;
              const problem = problemOf(path);
              const facts = [
                `now ${current?.[section]?.[resource] ?? '—'}`,
                defaults?.[section]?.[resource] &&
                  `profile default ${defaults[section]![resource]}`,
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <TextField
                  key={path}
                  id={`fleet-limits-${section}-${resource}`}
                  label={`${title} ${resource}`}
                  value={formData?.[section]?.[resource] ?? ''}
                  error={!!problem}
                  helperText={problem ?? facts}
                  onChange={event =>
                    onChange({
                      ...formData,
                      [section]: {
                        ...formData?.[section],
                        [resource]: event.target.value,
                      },
                    })
                  }
                />
              );
            }),
          )}
        </Box>
      )}
      {problems
        .filter(p => !SECTIONS.some(s => p.startsWith(`${s.section}.`)))
        .map(problem => (
          <FormHelperText key={problem} error>
            {problem}
          </FormHelperText>
        ))}
    </FormControl>
  );
}

export const namespaceLimitsValidation: CustomFieldValidator<
  LimitRangeSpec,
  NamespaceLimitsOptions
> = day2FieldValidation<LimitRangeSpec>('change', 'limits');
