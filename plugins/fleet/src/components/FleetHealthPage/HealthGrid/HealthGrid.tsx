import { useEffect, useRef, useState } from 'react';
import Box from '@material-ui/core/Box';
import ButtonBase from '@material-ui/core/ButtonBase';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useNavigate } from 'react-router-dom';
import type {
  ClusterHealth,
  HealthClusterQuery,
} from '@fleet-portal/plugin-fleet-common';
import { fleetHealthApiRef } from '../../../api/FleetHealthApi';
import { HEALTH_STATUS_LABELS, HealthErrorPanel } from '../../HealthStatus';
import { LoadingBar } from '../../LoadingBar';
import { STATUS_GLYPHS, useStatusColors } from '../gridColors';
import {
  CLUSTER_WIDTH,
  GROUP_WIDTH,
  HEADER_HEIGHT,
  MAX_BODY_HEIGHT,
  OVERSCAN,
  ROW_HEIGHT,
  STATUS_WIDTH,
  useGridStyles,
} from './gridStyles';
import { GroupLabel } from './GroupLabel';
import { Legend } from './Legend';
import { useHealthTabPath } from '../useHealthTabPath';
import { CellDetails } from './CellDetails';
import { OverviewStrip } from './OverviewStrip';
import { useGridChunks } from './useGridChunks';

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
  const classes = useGridStyles();
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
  /** Shows the details of a cell (its row's status cell for -1), placed under it. */
  const showDetails = (frameElement: HTMLElement, cell: HTMLElement | null) => {
    const target = cell && cellTarget(cell);
    if (!target || !cell) return;
    const column = Number(cell.dataset.column);
    if (column < -1) {
      setHovered(undefined);
      return;
    }
    const frame = frameElement.getBoundingClientRect();
    const box = cell.getBoundingClientRect();
    setHovered({
      position: Number(target.dataset.position),
      column,
      top: box.bottom - frame.top + HEADER_HEIGHT + 4,
      left: Math.min(box.left - frame.left, frame.width - 360),
    });
  };

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
          <div role="gridcell" className={classes.group}>
            {showGroup && <GroupLabel row={current} />}
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
          role="gridcell"
          className={classes.status}
          data-column={-1}
          data-status={current.status}
        >
          {HEALTH_STATUS_LABELS[current.status]}
        </div>
        {current.cells.map((status, column) => (
          <div
            key={column}
            role="gridcell"
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
          role="grid"
          tabIndex={-1}
          aria-label="Fleet health heat map"
          aria-rowcount={total + 1}
          style={{ flex: 'none' }}
          onMouseLeave={() => setHovered(undefined)}
          onMouseOver={event => {
            const cell = (event.target as HTMLElement).closest<HTMLElement>(
              '[data-column]',
            );
            showDetails(event.currentTarget, cell);
          }}
          // keyboard users reach a row through its cluster link: its details show as for a hover
          onFocus={event =>
            showDetails(
              event.currentTarget,
              cellTarget(event.target)?.querySelector<HTMLElement>(
                '[data-column="-1"]',
              ) ?? null,
            )
          }
          onClick={event => {
            const target = cellTarget(event.target);
            if (target) open(Number(target.dataset.position));
          }}
          onKeyDown={event => {
            if (event.key === 'Escape') setHovered(undefined);
          }}
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
            role="rowgroup"
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
