import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import type { LifecycleSchedule } from '@fleet-portal/plugin-fleet-common';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { ScheduleChart, ScheduleLegend } from './ScheduleChart';

/**
 * The reviews and retirements coming up, of the clusters the filters select: a compact card, so
 * that the clusters table below (overdue first) stays in view. The schedule comes with the page
 * of clusters (`scheduleMonths`), not from a request of its own.
 */
export function ScheduleCard(props: {
  schedule?: LifecycleSchedule;
  error?: Error;
  filtered: boolean;
}) {
  const { schedule, error, filtered } = props;
  const months = schedule?.months.length ?? 12;
  const nothingDue = schedule?.months.every(
    m => m.reviews === 0 && m.retirements === 0,
  );
  return (
    <Paper variant="outlined" style={{ padding: '8px 16px' }}>
      <Box
        display="flex"
        alignItems="baseline"
        justifyContent="space-between"
        flexWrap="wrap"
        gridGap={12}
      >
        <Box display="flex" alignItems="baseline" gridGap={12}>
          <Typography variant="h6" component="h2">
            Reviews and retirements, next {months} months
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {filtered ? 'Clusters matching the filters' : 'All clusters'}
          </Typography>
        </Box>
        <ScheduleLegend />
      </Box>
      {error && <FleetErrorPanel error={error} />}
      {!error && !schedule && <Progress />}
      {schedule && nothingDue && (
        <Typography variant="body2" color="textSecondary">
          No reviews or retirements are due in the next {months} months.
        </Typography>
      )}
      {schedule && !nothingDue && <ScheduleChart months={schedule.months} />}
    </Paper>
  );
}
