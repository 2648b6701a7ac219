import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';
import {
  toSearchParams,
  type LifecycleFilters,
} from '../../api/lifecycleQuery';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { ScheduleChart } from './ScheduleChart';

const MONTHS = 12;

/** The reviews and retirements coming up in the next 12 months, of the clusters the filters select. */
export function ScheduleCard(props: { filters: LifecycleFilters }) {
  const { filters } = props;
  const fleetApi = useApi(fleetApiRef);
  const filtersKey = toSearchParams(filters).toString();
  const { value, loading, error } = useAsync(
    () => fleetApi.getSchedule(MONTHS, filters),
    [fleetApi, filtersKey],
  );
  const nothingDue = value?.months.every(
    m => m.reviews === 0 && m.retirements === 0,
  );
  return (
    <InfoCard
      title="Reviews and retirements, next 12 months"
      subheader={filtersKey ? 'Clusters matching the filters' : 'All clusters'}
    >
      {loading && <Progress />}
      {error && <FleetErrorPanel error={error} />}
      {!loading && value && nothingDue && (
        <Typography variant="body2" color="textSecondary">
          No reviews or retirements are due in the next 12 months.
        </Typography>
      )}
      {!loading && value && !nothingDue && (
        <ScheduleChart months={value.months} />
      )}
    </InfoCard>
  );
}
