import Typography from '@material-ui/core/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { ScheduleChart } from './ScheduleChart';

const MONTHS = 12;

/** The reviews and retirements coming up in the next 12 months. */
export function ScheduleCard() {
  const fleetApi = useApi(fleetApiRef);
  const { value, loading, error } = useAsync(
    () => fleetApi.getSchedule(MONTHS),
    [fleetApi],
  );
  const nothingDue = value?.months.every(
    m => m.reviews === 0 && m.retirements === 0,
  );
  return (
    <InfoCard title="Reviews and retirements, next 12 months">
      {loading && <Progress />}
      {error && <FleetErrorPanel error={error} />}
      {value && nothingDue && (
        <Typography variant="body2" color="textSecondary">
          No reviews or retirements are due in the next 12 months.
        </Typography>
      )}
      {value && !nothingDue && <ScheduleChart months={value.months} />}
    </InfoCard>
  );
}
