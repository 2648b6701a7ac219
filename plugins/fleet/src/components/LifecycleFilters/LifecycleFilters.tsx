import Box from '@material-ui/core/Box';
import {
  LIFECYCLE_STATUSES,
  type LifecyclePage,
  type LifecycleQuery,
  type LifecycleStatus,
} from '@fleet-portal/plugin-fleet-common';
import { shortRef } from '../../lib/refs';
import { useEntityTitles } from '../../lib/useEntityTitles';
import { STATUS_LABELS } from '../LifecycleStatus';
import { FacetPicker } from './FacetPicker';
import { SearchField } from './SearchField';

/** The filter pickers, populated from the facets of the whole fleet, and the search box. */
export function LifecycleFilters(props: {
  facets: LifecyclePage['facets'];
  query: LifecycleQuery;
  onChange: (patch: Partial<LifecycleQuery>) => void;
}) {
  const { facets, query, onChange } = props;
  const ownerTitle = useEntityTitles(facets.owner);
  const statusLabel = (status: LifecycleStatus) =>
    `${STATUS_LABELS[status]} (${facets.status[status] ?? 0})`;
  return (
    <Box display="flex" flexWrap="wrap" gridGap={16} alignItems="center">
      <FacetPicker
        label="Owner"
        options={facets.owner}
        value={query.owner ?? []}
        optionLabel={ownerTitle}
        onChange={owner => onChange({ owner })}
      />
      <FacetPicker
        label="Environment"
        options={facets.environment}
        value={query.environment ?? []}
        onChange={environment => onChange({ environment })}
      />
      <FacetPicker
        label="Profile"
        options={facets.profile}
        value={query.profile ?? []}
        optionLabel={shortRef}
        onChange={profile => onChange({ profile })}
      />
      <FacetPicker
        label="Status"
        options={LIFECYCLE_STATUSES}
        value={query.status ?? []}
        optionLabel={statusLabel}
        onChange={status => onChange({ status })}
      />
      <SearchField
        value={query.search ?? ''}
        onChange={search => onChange({ search })}
      />
    </Box>
  );
}
