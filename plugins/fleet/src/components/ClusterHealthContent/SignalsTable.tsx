import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import {
  SIGNAL_STATUS_ORDER,
  type ClusterHealthDetail,
  type SignalThresholds,
  type SignalVerdict,
} from '@fleet-portal/plugin-fleet-common';
import {
  formatSampleTime,
  formatSignalValue,
  HealthStatusChip,
  SignalSparkline,
} from '../HealthStatus';

const COLUMNS = [
  'Signal',
  'Status',
  'Value',
  'Threshold',
  'History',
  'Sample time',
  'Source',
];

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
});

/** Both thresholds on their own lines, the crossed one in bold: "warning ≤ 14 days". */
function Thresholds(props: {
  thresholds?: SignalThresholds;
  unit?: string;
  crossed?: 'warning' | 'critical';
}) {
  const { thresholds, unit, crossed } = props;
  if (!thresholds) return <>—</>;
  const sign = thresholds.direction === 'below' ? '≤' : '≥';
  return (
    <>
      {(['warning', 'critical'] as const)
        .filter(level => thresholds[level] !== undefined)
        .map(level => (
          <Typography
            key={level}
            variant="body2"
            noWrap
            style={{ fontWeight: crossed === level ? 700 : undefined }}
          >
            {level} {sign} {formatSignalValue(thresholds[level], unit)}
          </Typography>
        ))}
    </>
  );
}

const byStatus = (a: SignalVerdict, b: SignalVerdict) =>
  SIGNAL_STATUS_ORDER.indexOf(a.status) - SIGNAL_STATUS_ORDER.indexOf(b.status);

/**
 * One row per signal, worst first: verdict, value, threshold, history and where it came from.
 * Signals that do not apply to the cluster come last.
 */
export function SignalsTable(props: { detail: ClusterHealthDetail }) {
  const { detail } = props;
  const classes = useStyles();
  const definitions = new Map(detail.signalDefinitions.map(d => [d.id, d]));
  return (
    <Table size="small" aria-label="Signals">
      <TableHead>
        <TableRow>
          {COLUMNS.map(c => (
            <TableCell key={c} className={classes.nowrap}>
              {c}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {[...detail.signals].sort(byStatus).map(verdict => {
          const definition = definitions.get(verdict.signal);
          const title = definition?.title ?? verdict.signal;
          // a signal of a component the cluster does not run has no thresholds or history to show
          const applies = verdict.status !== 'not-applicable';
          return (
            <TableRow key={verdict.signal} data-signal={verdict.signal}>
              <TableCell>
                <Tooltip title={definition?.description ?? ''}>
                  <Typography variant="body2">{title}</Typography>
                </Tooltip>
                <Typography variant="caption" color="textSecondary">
                  {verdict.reason}
                </Typography>
              </TableCell>
              <TableCell>
                <HealthStatusChip status={verdict.status} />
              </TableCell>
              <TableCell className={classes.nowrap}>
                {formatSignalValue(verdict.value, definition?.unit)}
              </TableCell>
              <TableCell>
                <Thresholds
                  thresholds={applies ? definition?.thresholds : undefined}
                  unit={definition?.unit}
                  crossed={
                    verdict.status === 'warning' ||
                    verdict.status === 'critical'
                      ? verdict.status
                      : undefined
                  }
                />
              </TableCell>
              <TableCell>
                {applies ? (
                  <SignalSparkline
                    title={title}
                    points={detail.history[verdict.signal]}
                    status={verdict.status}
                  />
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell className={classes.nowrap}>
                {formatSampleTime(verdict.sampleTime)}
              </TableCell>
              <TableCell className={classes.nowrap}>{verdict.source}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
