import { makeStyles } from '@material-ui/core/styles';

export const ROW_HEIGHT = 22;
export const HEADER_HEIGHT = 104;
export const MAX_BODY_HEIGHT = 22 * ROW_HEIGHT;
export const OVERSCAN = 8;
export const GROUP_WIDTH = 190;
export const CLUSTER_WIDTH = 220;
export const STATUS_WIDTH = 78;
export const CELL_WIDTH = 38;

/** The heat map's layout: fixed column widths, one row height, cells coloured per status. */
export const useGridStyles = makeStyles(theme => ({
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
