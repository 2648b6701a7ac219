import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import {
  HEALTH_STATUS_ORDER,
  type HealthStatus,
} from '@fleet-portal/plugin-fleet-common';
import { HEALTH_STATUS_LABELS } from '../HealthStatus';
import type { HealthFilters } from './healthFilters';

/** Status toggles, an environment picker and a name search. */
export function HealthFilterBar(props: {
  filters: HealthFilters;
  environments: string[];
  onChange: (filters: HealthFilters) => void;
}) {
  const { filters, environments, onChange } = props;
  const toggleStatus = (status: HealthStatus) =>
    onChange({
      ...filters,
      status: filters.status.includes(status)
        ? filters.status.filter(s => s !== status)
        : [...filters.status, status],
    });
  return (
    <Box display="flex" alignItems="flex-end" flexWrap="wrap" gridGap={16}>
      <Box display="flex" gridGap={8} role="group" aria-label="Status filter">
        {HEALTH_STATUS_ORDER.map(status => {
          const selected = filters.status.includes(status);
          return (
            <Chip
              key={status}
              label={HEALTH_STATUS_LABELS[status]}
              clickable
              color={selected ? 'primary' : 'default'}
              variant={selected ? 'default' : 'outlined'}
              onClick={() => toggleStatus(status)}
              aria-pressed={selected}
            />
          );
        })}
      </Box>
      <FormControl style={{ minWidth: 200 }}>
        <InputLabel id="fleet-health-environment">Environment</InputLabel>
        <Select
          labelId="fleet-health-environment"
          multiple
          value={filters.environment}
          renderValue={value => (value as string[]).join(', ')}
          onChange={event =>
            onChange({
              ...filters,
              environment: event.target.value as string[],
            })
          }
        >
          {environments.map(environment => (
            <MenuItem key={environment} value={environment}>
              {environment}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <TextField
        id="fleet-health-search"
        label="Cluster name"
        value={filters.search ?? ''}
        onChange={event =>
          onChange({ ...filters, search: event.target.value || undefined })
        }
      />
    </Box>
  );
}
