import { memo, useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableContainer from '@material-ui/core/TableContainer';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ClusterLifecycle,
  LifecyclePage,
  LifecycleQuery,
  LifecycleSortField,
} from '@fleet-portal/plugin-fleet-common';
import { LoadingBar } from '../LoadingBar';
import { columns } from './columns';

const PAGE_SIZES = [25, 50, 100, 200];

const useStyles = makeStyles({
  // Short values and headers on one line: no "Revie w by" or "Paymen ts"; the table scrolls
  // sideways on a narrow screen instead.
  nowrap: { whiteSpace: 'nowrap', wordBreak: 'keep-all' },
  header: { whiteSpace: 'nowrap' },
  wide: { wordBreak: 'normal', overflowWrap: 'normal' },
});

// Sorting and paging happen on the server (the fleet is too large to load whole), which the
// Backstage Table only supports with its own internal state; plain MUI table parts let the
// state live in the URL instead.

/**
 * One cluster's row. Memoized: while the next page loads, or when a filter or sort changes, the
 * rows on screen are not rendered again (each holds several entity links).
 */
const ClusterRow = memo(function Row(props: {
  cluster: ClusterLifecycle;
  nowrap: string;
  wide: string;
}) {
  const { cluster } = props;
  return (
    <TableRow hover>
      {columns.map(column => (
        <TableCell
          key={column.sortField}
          className={props[column.fit]}
          style={{ minWidth: column.minWidth }}
        >
          {column.render(cluster)}
        </TableCell>
      ))}
    </TableRow>
  );
});

/** Rows rendered before the browser paints; the rest follow in the next frame. */
const FIRST_ROWS = 15;

/**
 * The rows to render: the first screenful at once, all of them a frame later, so that the first
 * rows of a new page show without waiting for the rows below the fold.
 */
function useProgressiveRows<T>(items: T[]): T[] {
  const [complete, setComplete] = useState<T[]>();
  useEffect(() => {
    if (items.length <= FIRST_ROWS) return undefined;
    const frame = requestAnimationFrame(() => setComplete(items));
    return () => cancelAnimationFrame(frame);
  }, [items]);
  return complete === items || items.length <= FIRST_ROWS
    ? items
    : items.slice(0, FIRST_ROWS);
}

function EmptyRow(props: {
  message: string;
  action: string;
  onAction?: () => void;
}) {
  return (
    <Box py={3}>
      <Typography variant="body1">{props.message}</Typography>
      {props.onAction && (
        <Button color="primary" onClick={props.onAction}>
          {props.action}
        </Button>
      )}
    </Box>
  );
}

/** One page of clusters with server-side sorting and paging. */
export function ClustersTable(props: {
  page: LifecyclePage;
  query: LifecycleQuery;
  loading: boolean;
  onChange: (patch: Partial<LifecycleQuery>) => void;
  onClearFilters?: () => void;
}) {
  const { page, query, loading, onChange, onClearFilters } = props;
  const classes = useStyles();
  const shown = useProgressiveRows(page.items);
  const limit = query.limit ?? page.limit;
  const order = query.order ?? 'asc';
  // A shared link can point past the end once the fleet shrinks.
  const lastPageIndex = Math.max(0, Math.ceil(page.totalItems / limit) - 1);

  const sortBy = (field: LifecycleSortField) => {
    const active = query.orderBy === field;
    onChange({
      orderBy: field,
      order: active && order === 'asc' ? 'desc' : 'asc',
    });
  };

  return (
    <Paper>
      <Box px={2} pt={2} display="flex" alignItems="baseline" gridGap={12}>
        <Typography variant="h5" component="h2">
          Clusters
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {page.totalItems.toLocaleString('en-US')} matching
        </Typography>
      </Box>
      <Box height={4}>
        <LoadingBar loading={loading} label="Loading clusters" />
      </Box>
      <TableContainer>
        <Table size="small" aria-label="Clusters">
          <TableHead>
            <TableRow>
              {columns.map(column => {
                const active = query.orderBy === column.sortField;
                return (
                  <TableCell
                    key={column.sortField}
                    sortDirection={active ? order : false}
                    className={classes.header}
                  >
                    <TableSortLabel
                      active={active}
                      direction={active ? order : 'asc'}
                      onClick={() => sortBy(column.sortField)}
                    >
                      {column.title}
                    </TableSortLabel>
                  </TableCell>
                );
              })}
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(cluster => (
              <ClusterRow
                key={cluster.entityRef}
                cluster={cluster}
                nowrap={classes.nowrap}
                wide={classes.wide}
              />
            ))}
            {page.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={columns.length} align="center">
                  {page.totalItems > 0 ? (
                    <EmptyRow
                      message="This page is past the last cluster."
                      action="First page"
                      onAction={() => onChange({ offset: 0 })}
                    />
                  ) : (
                    <EmptyRow
                      message="No clusters match these filters."
                      action="Clear filters"
                      onAction={onClearFilters}
                    />
                  )}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={page.totalItems}
        page={Math.min(Math.floor((query.offset ?? 0) / limit), lastPageIndex)}
        rowsPerPage={limit}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, pageIndex) =>
          onChange({ offset: pageIndex * limit })
        }
        onRowsPerPageChange={event =>
          onChange({ limit: Number(event.target.value) })
        }
      />
    </Paper>
  );
}
