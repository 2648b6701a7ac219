import { useEntityTitles } from '../../../lib/useEntityTitles';
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

const NONE: string[] = [];

/** A group that is an entity ref (owner, profile), not an environment. */
export const isRef = (group: string | undefined) => !!group?.includes(':');

/** The group's name on its first row, and its counts on the (empty) group cell below. */
export function GroupLabel(props: { row: GridRow }) {
  const { row } = props;
  const classes = useGridStyles();
  const counts = groupCounts(row);
  // owner and profile groups are entity refs: named as people read them
  const titleOf = useEntityTitles(isRef(row.group) ? [row.group!] : NONE);
  const name = isRef(row.group) ? titleOf(row.group!) : row.group;
  return (
    <span className={classes.groupLabel} title={`${name}: ${counts}`}>
      {name}
      {/* on the next row's empty group cell, when the group has one */}
      {(row.groupCounts?.total ?? 0) > 1 && (
        <span className={classes.groupCounts}>{counts}</span>
      )}
    </span>
  );
}
