import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  RolloutGate,
  RolloutGateVerdict,
} from '@fleet-portal/plugin-fleet-common';
import { HEALTH_STATUS_LABELS } from '../HealthStatus';
import { formatDays } from './rolloutText';

const VERDICT_LABELS: Record<RolloutGateVerdict, string> = {
  open: 'Gate open',
  closed: 'Gate closed',
  unknown: 'Gate unknown',
};

const useStyles = makeStyles(theme => ({
  open: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
  closed: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  // unknown is never open: dashed, like an unknown health verdict
  unknown: { borderStyle: 'dashed' },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    '& dt': { color: theme.palette.text.secondary, whiteSpace: 'nowrap' },
    '& dd': { margin: 0 },
  },
}));

function shortTime(value: string | undefined): string {
  if (!value) return '—';
  const time = Date.parse(value);
  return Number.isNaN(time)
    ? value
    : new Date(time).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A gate's verdict as a chip, its reason in words, and the evidence it rests on — unless `brief`
 * (shown in full elsewhere on the page) or no history was read (a wave not on its target yet is
 * closed by its versions alone; its reason says so).
 */
export function GateVerdict(props: { gate: RolloutGate; brief?: boolean }) {
  const { gate, brief } = props;
  const { evidence } = gate;
  const classes = useStyles();
  const troubled = evidence.sources.filter(s => s.status !== 'up');
  const showEvidence = !brief && evidence.queries > 0;
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <Box display="flex" alignItems="center" gridGap={12} flexWrap="wrap">
        <Chip
          label={VERDICT_LABELS[gate.verdict]}
          variant={gate.verdict === 'unknown' ? 'outlined' : 'default'}
          className={classes[gate.verdict]}
          data-verdict={gate.verdict}
        />
        <Typography variant="body1" data-testid="gate-reason">
          {gate.reason}
        </Typography>
      </Box>
      {showEvidence && (
        <dl
          className={classes.facts}
          aria-label={`Evidence of the ${gate.wave} gate`}
        >
          <dt>On the target version</dt>
          <dd>
            {evidence.onTarget} of {evidence.clusters} clusters on{' '}
            {evidence.targetVersion}
          </dd>
          <dt>Soak</dt>
          <dd>
            {evidence.healthyDays === undefined
              ? `unknown, ${formatDays(evidence.soakDays)} needed`
              : `${formatDays(evidence.healthyDays)} of ${formatDays(
                  evidence.soakDays,
                )}`}
            {evidence.leastSoakedCluster
              ? ` (least: ${evidence.leastSoakedCluster})`
              : ''}
          </dd>
          <dt>Allowed health</dt>
          <dd>
            {evidence.allowedStatuses
              .map(s => HEALTH_STATUS_LABELS[s])
              .join(', ')}
          </dd>
          <dt>History read</dt>
          <dd>
            {shortTime(evidence.windowStart)} to {shortTime(evidence.windowEnd)}{' '}
            UTC, {evidence.signals.length} signals, {evidence.queries} range
            queries
          </dd>
          <dt>Metrics sources</dt>
          <dd>
            {evidence.sources
              .map(
                s =>
                  `${s.name}: ${s.status}${s.message ? ` (${s.message})` : ''}`,
              )
              .join('; ') || 'none'}
          </dd>
          <dt>Outside the allowed health</dt>
          <dd>
            {evidence.periods.length === 0
              ? 'none'
              : evidence.periods.slice(0, 5).map(p => (
                  <div key={`${p.cluster}-${p.start}`}>
                    {p.cluster}: {HEALTH_STATUS_LABELS[p.status].toLowerCase()}
                    {p.signal ? ` (${p.signal})` : ''} from {shortTime(p.start)}{' '}
                    to {shortTime(p.end)}
                  </div>
                ))}
            {evidence.periods.length > 5 &&
              ` and ${evidence.periods.length - 5} more`}
          </dd>
        </dl>
      )}
      {troubled.length > 0 && (
        <Typography variant="body2" color="textSecondary">
          A source that is down or degraded leaves the gate unknown: it never
          opens on missing data.
        </Typography>
      )}
    </Box>
  );
}
