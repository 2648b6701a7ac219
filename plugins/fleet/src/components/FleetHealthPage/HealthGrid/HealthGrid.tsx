import { useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import ButtonBase from '@material-ui/core/ButtonBase';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useNavigate } from 'react-router-dom';
import type {
  ClusterHealth,
  HealthClusterQuery,
  SignalStatus,
} from '@fleet-portal/plugin-fleet-common';
import { fleetHealthApiRef } from '../../../api/FleetHealthApi';
import { HEALTH_STATUS_LABELS, HealthErrorPanel } from '../../HealthStatus';
import { LoadingBar } from '../../LoadingBar';
import { STATUS_GLYPHS, useStatusColors } from '../gridColors';
import { useHealthTabPath } from '../useHealthTabPath';
import { CellDetails } from './CellDetails';
import type { GridRow } from './gridChunks';
import { OverviewStrip } from './OverviewStrip';
import { useGridChunks } from './useGridChunks';

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 104;
const MAX_BODY_HEIGHT = 22 * ROW_HEIGHT;
const OVERSCAN = 8;
const GROUP_WIDTH = 190;
const CLUSTER_WIDTH = 220;
const STATUS_WIDTH = 78;
const CELL_WIDTH = 38;

const useStyles = makeStyles(theme => ({
  frame: {
    position: 'relative',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.background.paper,
  },
  header: {
    display: 'flex',
    alignItems: 'flex-end',
    height: HEADER_HEIGHT,
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontSize: 11,
    lineHeight: 1.15,
    color: theme.palette.text.secondary,
  },
  headerCell: {
    padding: theme.spacing(0, 0.5, 0.5),
    overflow: 'hidden',
    flex: 'none',
  },
  signalHeader: {
    width: CELL_WIDTH,
    height: HEADER_HEIGHT,
    flex: 'none',
    padding: theme.spacing(0.5, 0),
    justifyContent: 'center',
    alignItems: 'flex-end',
    overflow: 'hidden',
    color: theme.palette.text.secondary,
    '&:hover': { color: theme.palette.text.primary },
  },
  // titles read bottom-up, two short lines at most, so that a column stays one cell wide
  signalTitle: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    fontSize: 11,
    lineHeight: 1.15,
    maxHeight: HEADER_HEIGHT - 8,
    textAlign: 'left',
    overflow: 'hidden',
  },
  sorted: { color: theme.palette.text.primary, fontWeight: 700 },
  body: { overflowY: 'auto', position: 'relative' },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    display: 'flex',
    alignItems: 'stretch',
    fontSize: 12,
    cursor: 'pointer',
    '&:hover': { background: theme.palette.action.hover },
  },
  groupStart: { borderTop: `2px solid ${theme.palette.divider}` },
  group: {
    width: GROUP_WIDTH,
    flex: 'none',
    padding: theme.spacing(0, 1),
    position: 'relative',
    lineHeight: `${ROW_HEIGHT}px`,
  },
  // the group's name, and its counts on the (empty) group cell of the row below
  groupLabel: {
    position: 'absolute',
    left: theme.spacing(1),
    right: theme.spacing(1),
    top: 0,
    zIndex: 1,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    fontWeight: 600,
  },
  groupCounts: {
    display: 'block',
    fontWeight: 400,
    fontSize: 11,
    color: theme.palette.text.secondary,
    lineHeight: `${ROW_HEIGHT}px`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  cluster: {
    width: CLUSTER_WIDTH,
    flex: 'none',
    padding: theme.spacing(0, 1),
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    lineHeight: `${ROW_HEIGHT}px`,
  },
  status: {
    width: STATUS_WIDTH,
    flex: 'none',
    lineHeight: `${ROW_HEIGHT}px`,
    padding: theme.spacing(0, 1),
  },
  cell: {
    width: CELL_WIDTH - 2,
    margin: '1px 1px',
    flex: 'none',
    textAlign: 'center',
    lineHeight: `${ROW_HEIGHT - 2}px`,
    fontWeight: 700,
    color: theme.palette.common.white,
    borderRadius: 2,
  },
  unknownCell: {
    // grey and hatched: unknown never reads as fine
    backgroundImage: `repeating-linear-gradient(45deg, transparent 0 3px, rgba(255,255,255,0.35) 3px 5px)`,
  },
  naCell: { color: theme.palette.text.disabled, fontWeight: 400 },
  placeholder: {
    margin: '5px 8px',
    flex: 1,
    background: theme.palette.action.hover,
    borderRadius: 2,
  },
  legend: { display: 'flex', gridGap: 12, flexWrap: 'wrap', fontSize: 12 },
}));

function Legend() {
  const classes = useStyles();
  const colors = useStatusColors();
  const statuses: SignalStatus[] = [
    'critical',
    'warning',
    'unknown',
    'ok',
    'not-applicable',
  ];
  return (
    <Box className={classes.legend} aria-label="Legend" role="list">
      {statuses.map(status => (
        <Box
          key={status}
          display="flex"
          alignItems="center"
          gridGap={4}
          role="listitem"
        >
          <Box
            className={`${classes.cell} ${
              status === 'unknown' ? classes.unknownCell : ''
            } ${status === 'not-applicable' ? classes.naCell : ''}`}
            style={{
              background: colors[status],
              width: 18,
              height: 14,
              lineHeight: '14px',
              fontSize: 10,
            }}
            aria-hidden
          >
            {STATUS_GLYPHS[status]}
          </Box>
          {HEALTH_STATUS_LABELS[status]}
        </Box>
      ))}
    </Box>
  );
}

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

function GroupLabel(props: { row: GridRow; classes: Record<string, string> }) {
  const { row, classes } = props;
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

/**
 * The heat map: one row per cluster, one column per signal, worst first (grouped when the query
 * groups). Only the rows in view are in the document, fetched a chunk at a time, so 10,000
 * clusters scroll as smoothly as 10. Hovering a cell tells its verdict; clicking a row opens the
 * cluster's health tab. The list view is the accessible alternative.
 */
export function HealthGrid(props: {
  query: HealthClusterQuery;
  onSortBySignal: (signal: string | undefined) => void;
}) {
  const { query, onSortBySignal } = props;
  const classes = useStyles();
  const colors = useStatusColors();
  const api = useApi(fleetHealthApiRef);
  const navigate = useNavigate();
  const tabPath = useHealthTabPath();
  const { first, error, loading, row, ensure } = useGridChunks(api, query);
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [hovered, setHovered] = useState<{
    position: number;
    column: number;
    top: number;
    left: number;
  }>();
  const details = useRef(new Map<string, ClusterHealth | null>());
  const [, setDetailsVersion] = useState(0);

  const total = first?.totalItems ?? 0;
  const bodyHeight = Math.min(MAX_BODY_HEIGHT, Math.max(total, 1) * ROW_HEIGHT);
  const firstVisible = Math.max(
    0,
    Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN,
  );
  const lastVisible = Math.min(
    total - 1,
    Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN,
  );

  useEffect(() => {
    if (total > 0) ensure(firstVisible, lastVisible);
  }, [ensure, firstVisible, lastVisible, total]);

  // back to the top when the selection changes
  const selectionKey = `${first?.generatedAt}|${total}|${first?.clusters[0]}`;
  useEffect(() => {
    body.current?.scrollTo?.({ top: 0 });
    setScrollTop(0);
  }, [selectionKey]);

  // the hovered cluster's verdicts, once, after a short pause
  const hoveredRow = hovered ? row(hovered.position) : undefined;
  useEffect(() => {
    const name = hoveredRow?.cluster;
    if (!name || details.current.has(name)) return undefined;
    const timer = setTimeout(() => {
      api
        .listClusters({ cluster: [name], limit: 1 })
        .then(page => {
          details.current.set(name, page.items[0] ?? null);
          setDetailsVersion(v => v + 1);
        })
        .catch(() => details.current.set(name, null));
    }, 150);
    return () => clearTimeout(timer);
  }, [api, hoveredRow?.cluster]);

  if (error) return <HealthErrorPanel error={error} />;
  if (!first) {
    return <LoadingBar loading label="Loading the heat map" />;
  }
  if (total === 0) {
    return (
      <Typography variant="body2">No cluster matches the filters.</Typography>
    );
  }

  const grouped = Boolean(query.groupBy);
  const sortedSignal = query.orderBy === 'signal' ? query.signal : undefined;
  const open = (position: number) => {
    const path = tabPath(row(position)?.entityRef);
    if (path) navigate(path);
  };
  const cellTarget = (target: EventTarget) =>
    (target as HTMLElement).closest<HTMLElement>('[data-position]');

  const rows: JSX.Element[] = [];
  const topInView = Math.floor(scrollTop / ROW_HEIGHT);
  let previousGroup =
    firstVisible > 0 ? row(firstVisible - 1)?.group : undefined;
  for (let position = firstVisible; position <= lastVisible; position++) {
    const current = row(position);
    const top = position * ROW_HEIGHT;
    if (!current) {
      rows.push(
        <div key={position} className={classes.row} style={{ top }} aria-hidden>
          <div className={classes.placeholder} />
        </div>,
      );
      previousGroup = undefined;
      continue;
    }
    const startsGroup = grouped && current.group !== previousGroup;
    // the group's label on its first row, and on the top row in view
    const showGroup = grouped && (startsGroup || position === topInView);
    previousGroup = current.group;
    rows.push(
      <div
        key={position}
        role="row"
        aria-rowindex={position + 2}
        data-cluster={current.cluster}
        data-position={position}
        className={`${classes.row} ${
          startsGroup && position > 0 ? classes.groupStart : ''
        }`}
        style={{ top }}
      >
        {grouped && (
          <div role="cell" className={classes.group}>
            {showGroup && <GroupLabel row={current} classes={classes} />}
          </div>
        )}
        <div role="rowheader" className={classes.cluster} data-column={-2}>
          {current.entityRef ? (
            <Link
              to={tabPath(current.entityRef)!}
              onClick={e => e.stopPropagation()}
            >
              {current.cluster}
            </Link>
          ) : (
            <span title="Reports metrics but is not in the catalog">
              {current.cluster} <em>(unregistered)</em>
            </span>
          )}
        </div>
        <div
          role="cell"
          className={classes.status}
          data-column={-1}
          data-status={current.status}
        >
          {HEALTH_STATUS_LABELS[current.status]}
        </div>
        {current.cells.map((status, column) => (
          <div
            key={column}
            role="cell"
            data-column={column}
            data-signal={first.signals[column]}
            data-status={status}
            aria-label={`${first.titles[column]}: ${HEALTH_STATUS_LABELS[status]}`}
            className={`${classes.cell} ${
              status === 'unknown' ? classes.unknownCell : ''
            } ${status === 'not-applicable' ? classes.naCell : ''}`}
            style={{ background: colors[status] }}
          >
            {STATUS_GLYPHS[status]}
          </div>
        ))}
      </div>,
    );
  }

  const visibleRange: [number, number] = [
    Math.floor(scrollTop / ROW_HEIGHT),
    Math.min(total, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT)),
  ];

  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <LoadingBar loading={loading} label="Loading the heat map" />
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        flexWrap="wrap"
        gridGap={8}
      >
        <Typography variant="body2" color="textSecondary">
          {total.toLocaleString('en-US')} clusters × {first.signals.length}{' '}
          signals, worst first
          {sortedSignal
            ? ` by ${first.titles[first.signals.indexOf(sortedSignal)]}`
            : ''}
          {grouped ? `, grouped by ${query.groupBy}` : ''}
        </Typography>
        <Legend />
      </Box>
      <Box display="flex" gridGap={6} alignItems="flex-start">
        <div
          className={classes.frame}
          role="table"
          aria-label="Fleet health heat map"
          aria-rowcount={total + 1}
          style={{ flex: 'none' }}
          onMouseLeave={() => setHovered(undefined)}
        >
          <div role="row" aria-rowindex={1} className={classes.header}>
            {grouped && (
              <div
                role="columnheader"
                className={classes.headerCell}
                style={{ width: GROUP_WIDTH }}
              >
                {query.groupBy![0].toLocaleUpperCase('en-US') +
                  query.groupBy!.slice(1)}
              </div>
            )}
            <div
              role="columnheader"
              className={classes.headerCell}
              style={{ width: CLUSTER_WIDTH }}
            >
              Cluster
            </div>
            <div
              role="columnheader"
              className={classes.headerCell}
              style={{ width: STATUS_WIDTH }}
            >
              Status
            </div>
            {first.signals.map((id, column) => {
              const active = sortedSignal === id;
              return (
                <ButtonBase
                  key={id}
                  role="columnheader"
                  aria-sort={active ? 'ascending' : 'none'}
                  title={`${first.titles[column]}: ${
                    active
                      ? 'sorted worst first; click for the default order'
                      : 'click to put the worst of this signal first'
                  }`}
                  className={`${classes.signalHeader} ${
                    active ? classes.sorted : ''
                  }`}
                  onClick={() => onSortBySignal(active ? undefined : id)}
                >
                  <span className={classes.signalTitle}>
                    {first.titles[column]}
                  </span>
                </ButtonBase>
              );
            })}
          </div>
          <div
            ref={body}
            className={classes.body}
            style={{ height: bodyHeight }}
            onScroll={event => setScrollTop(event.currentTarget.scrollTop)}
            onMouseOver={event => {
              const target = cellTarget(event.target);
              const cell = (event.target as HTMLElement).closest<HTMLElement>(
                '[data-column]',
              );
              if (!target || !cell) return;
              const position = Number(target.dataset.position);
              const column = Number(cell.dataset.column);
              if (column < -1) {
                setHovered(undefined);
                return;
              }
              const frame = event.currentTarget.getBoundingClientRect();
              const box = cell.getBoundingClientRect();
              setHovered({
                position,
                column,
                top: box.bottom - frame.top + HEADER_HEIGHT + 4,
                left: Math.min(box.left - frame.left, frame.width - 360),
              });
            }}
            onClick={event => {
              const target = cellTarget(event.target);
              if (target) open(Number(target.dataset.position));
            }}
          >
            <div style={{ height: total * ROW_HEIGHT, position: 'relative' }}>
              {rows}
            </div>
          </div>
          {hovered && hoveredRow && (
            <CellDetails
              row={hoveredRow}
              column={hovered.column}
              signalIds={first.signals}
              titles={first.titles}
              detail={details.current.get(hoveredRow.cluster)}
              style={{ top: hovered.top, left: Math.max(0, hovered.left) }}
            />
          )}
        </div>
        {first.overview && total > bodyHeight / ROW_HEIGHT && (
          <Box mt={`${HEADER_HEIGHT}px`}>
            <OverviewStrip
              overview={first.overview}
              height={bodyHeight}
              visible={visibleRange}
              onJump={position => {
                body.current?.scrollTo?.({
                  top: Math.max(0, position * ROW_HEIGHT - bodyHeight / 2),
                });
              }}
            />
          </Box>
        )}
      </Box>
    </Box>
  );
}
