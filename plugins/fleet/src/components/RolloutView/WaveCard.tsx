import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Divider from '@material-ui/core/Divider';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  RolloutCluster,
  RolloutView,
  RolloutWave,
} from '@fleet-portal/plugin-fleet-common';
import { HealthStatusChip } from '../HealthStatus';
import { tryParseEntityRef } from '../../lib/refs';
import { GateVerdict } from './GateVerdict';
import {
  formatDays,
  formatSince,
  progressText,
  WAVE_STATE_LABELS,
  waveState,
} from './rolloutText';

const useStyles = makeStyles(theme => ({
  // short values stay on one line ("3.2.0", "OK", dates); names may wrap
  nowrap: { whiteSpace: 'nowrap' },
  muted: { color: theme.palette.text.secondary },
  outside: {
    borderColor: theme.palette.error.main,
    color: theme.palette.error.main,
  },
}));

function Link(props: { entityRef?: string; text?: string }) {
  const ref = tryParseEntityRef(props.entityRef);
  if (!ref) return <>{props.text ?? props.entityRef ?? '—'}</>;
  return (
    <EntityRefLink entityRef={ref}>{props.text ?? ref.name}</EntityRefLink>
  );
}

function ClusterRow(props: { cluster: RolloutCluster; target: string }) {
  const { cluster, target } = props;
  const classes = useStyles();
  const since = formatSince(cluster.versionSince);
  return (
    <TableRow data-cluster={cluster.name}>
      <TableCell>
        <Link
          entityRef={cluster.entityRef}
          text={cluster.title ?? cluster.name}
        />
        {cluster.title && cluster.title !== cluster.name && (
          <Typography
            variant="caption"
            component="div"
            className={classes.muted}
          >
            {cluster.name}
          </Typography>
        )}
      </TableCell>
      <TableCell>
        <Link entityRef={cluster.ownerRef} text={cluster.ownerTitle} />
      </TableCell>
      <TableCell className={classes.nowrap}>
        <Box display="flex" alignItems="center" gridGap={8}>
          <span>{cluster.version ?? '—'}</span>
          {cluster.onTarget ? (
            <span aria-label={`on ${target}`} title={`on ${target}`}>
              ✓
            </span>
          ) : null}
          {!cluster.versionAllowed && (
            <Chip
              size="small"
              variant="outlined"
              className={classes.outside}
              label="Not allowed by the profile"
            />
          )}
        </Box>
      </TableCell>
      <TableCell className={classes.nowrap}>
        {since ? (
          <>
            {since.date}
            {since.ago && (
              <Typography
                variant="caption"
                component="div"
                className={classes.muted}
              >
                {since.ago} ago
              </Typography>
            )}
          </>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell>
        <HealthStatusChip status={cluster.healthNow} />
      </TableCell>
      <TableCell className={classes.nowrap}>
        {cluster.worstSinceMoved ? (
          <Box display="flex" alignItems="center" gridGap={8}>
            <HealthStatusChip status={cluster.worstSinceMoved} />
            {cluster.healthyDays !== undefined && (
              <span className={classes.muted}>
                healthy {formatDays(cluster.healthyDays)}
              </span>
            )}
          </Box>
        ) : (
          <span className={classes.muted}>not judged</span>
        )}
      </TableCell>
    </TableRow>
  );
}

/** One wave: its clusters with version, owner and health since they moved, and the gate after it. */
export function WaveCard(props: { view: RolloutView; wave: RolloutWave }) {
  const { view, wave } = props;
  const classes = useStyles();
  const state = waveState(view, wave);
  const outside = wave.clusters.filter(c => !c.versionAllowed);
  const subheader = `${progressText(
    wave.onTarget,
    wave.total,
    view.targetVersion,
  )} · ${WAVE_STATE_LABELS[state]}`;
  return (
    <InfoCard
      title={`Wave ${wave.position + 1}: ${wave.name}`}
      subheader={subheader}
      noPadding
    >
      <div data-wave={wave.name} data-state={state}>
        {outside.length > 0 && (
          <Box px={2} pt={2}>
            <Typography variant="body2" color="error">
              {outside.length === 1
                ? '1 cluster runs'
                : `${outside.length} clusters run`}{' '}
              a version the profile no longer allows (allowed:{' '}
              {[view.targetVersion, ...view.allowedVersions].join(', ')}):{' '}
              {outside.map(c => c.name).join(', ')}
            </Typography>
          </Box>
        )}
        {wave.clusters.length === 0 ? (
          <Box p={2}>
            <Typography variant="body2" className={classes.muted}>
              No cluster is in this wave.
            </Typography>
          </Box>
        ) : (
          <Table size="small" aria-label={`Clusters of wave ${wave.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>Cluster</TableCell>
                <TableCell>Owner</TableCell>
                <TableCell className={classes.nowrap}>Version</TableCell>
                <TableCell className={classes.nowrap}>On it since</TableCell>
                <TableCell className={classes.nowrap}>Health now</TableCell>
                <TableCell className={classes.nowrap}>Since it moved</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {wave.clusters.map(cluster => (
                <ClusterRow
                  key={cluster.entityRef}
                  cluster={cluster}
                  target={view.targetVersion}
                />
              ))}
            </TableBody>
          </Table>
        )}
        {wave.gate && (
          <>
            <Divider />
            <Box p={2}>
              <Typography variant="subtitle2" gutterBottom>
                Gate after {wave.name}
                {wave.gateSpec
                  ? ` — ${formatDays(
                      wave.gateSpec.soakDays,
                    )} of soak before the next wave`
                  : ''}
              </Typography>
              {/* the gate that decides the next promotion has its evidence in the summary above */}
              <GateVerdict
                gate={wave.gate}
                brief={wave.gate.wave === view.gate?.wave}
              />
            </Box>
          </>
        )}
      </div>
    </InfoCard>
  );
}
