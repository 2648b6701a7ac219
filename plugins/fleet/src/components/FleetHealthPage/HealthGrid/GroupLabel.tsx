import { HEALTH_STATUS_LABELS } from '../../HealthStatus';
import type { GridRow } from './gridChunks';
import { useGridStyles } from './gridStyles';

/** "120 clusters · 3 critical, 2 unknown" for a group header. */
function groupCounts(row: GridRow): string {
  const counts = row.groupCounts;
  if (!counts) return '';
  const trouble = (['critical', 'warning', 'unknown'] as const)
    .filter(s => counts.byStatus[s] > 0)
    .map(
      s =>
        `${counts.byStatus[s]} ${HEALTH_STATUS_LABELS[s].toLocaleLowerCase(
          'en-US',
        )}`,
    );
  return [
    `${counts.total} ${counts.total === 1 ? 'cluster' : 'clusters'}`,
    ...trouble,
  ].join(' · ');
}

/** The group's name on its first row, and its counts on the (empty) group cell below. */
export function GroupLabel(props: { row: GridRow }) {
  const { row } = props;
  const classes = useGridStyles();
  const counts = groupCounts(row);
  return (
    <span className={classes.groupLabel} title={`${row.group}: ${counts}`}>
      {row.group}
      {/* on the next row's empty group cell, when the group has one */}
      {(row.groupCounts?.total ?? 0) > 1 && (
        <span className={classes.groupCounts}>{counts}</span>
      )}
    </span>
  );
}
