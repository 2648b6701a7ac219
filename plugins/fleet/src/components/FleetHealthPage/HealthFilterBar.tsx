import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import {
  HEALTH_STATUS_ORDER,
  type FleetHealthSummary,
  type HealthClusterQuery,
  type HealthStatus,
} from '@fleet-portal/plugin-fleet-common';
import { shortRef } from '../../lib/refs';
import { useEntityTitles } from '../../lib/useEntityTitles';
import { HEALTH_STATUS_LABELS } from '../HealthStatus';
import { FacetPicker, SearchField } from '../LifecycleFilters';
import type { HealthGrouping } from './useHealthQuery';

const GROUPINGS: Array<[HealthGrouping, string]> = [
  ['environment', 'Environment'],
  ['profile', 'Profile'],
  ['owner', 'Owner'],
  ['none', 'No grouping'],
];

const NONE: string[] = [];

/** Status toggles, environment, profile and owner pickers, a name search and the grouping. */
export function HealthFilterBar(props: {
  query: HealthClusterQuery;
  facets?: FleetHealthSummary['facets'];
  grouping: HealthGrouping;
  onChange: (patch: Partial<HealthClusterQuery>) => void;
  onGroupingChange: (grouping: HealthGrouping) => void;
}) {
  const { query, facets, grouping, onChange, onGroupingChange } = props;
  const ownerTitle = useEntityTitles(facets?.owner ?? NONE);
  const status = query.status ?? [];
  const toggleStatus = (value: HealthStatus) =>
    onChange({
      status: status.includes(value)
        ? status.filter(s => s !== value)
        : [...status, value],
    });
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={12}>
      <Box display="flex" gridGap={6} role="group" aria-label="Status filter">
        {HEALTH_STATUS_ORDER.map(value => {
          const selected = status.includes(value);
          return (
            <Chip
              key={value}
              label={HEALTH_STATUS_LABELS[value]}
              clickable
              size="small"
              color={selected ? 'primary' : 'default'}
              variant={selected ? 'default' : 'outlined'}
              onClick={() => toggleStatus(value)}
              aria-pressed={selected}
            />
          );
        })}
      </Box>
      <FacetPicker
        label="Environment"
        options={facets?.environment ?? []}
        value={query.environment ?? []}
        onChange={environment => onChange({ environment })}
      />
      <FacetPicker
        label="Profile"
        options={facets?.profile ?? []}
        value={query.profile ?? []}
        optionLabel={shortRef}
        onChange={profile => onChange({ profile })}
      />
      <FacetPicker
        label="Owner"
        options={facets?.owner ?? []}
        value={query.owner ?? []}
        optionLabel={ownerTitle}
        onChange={owner => onChange({ owner })}
      />
      <SearchField
        id="fleet-health-search"
        label="Cluster name"
        placeholder="Part of a name"
        value={query.search ?? ''}
        onChange={search => onChange({ search: search || undefined })}
      />
      <FormControl variant="outlined" size="small" style={{ minWidth: 150 }}>
        <InputLabel id="fleet-health-grouping">Group by</InputLabel>
        <Select
          labelId="fleet-health-grouping"
          label="Group by"
          value={grouping}
          onChange={event =>
            onGroupingChange(event.target.value as HealthGrouping)
          }
        >
          {GROUPINGS.map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </Box>
  );
}
