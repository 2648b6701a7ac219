import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { RolloutProgress } from '@fleet-portal/plugin-fleet-common';
import { tryParseEntityRef } from '../../lib/refs';

const useStyles = makeStyles(theme => ({
  nowrap: { whiteSpace: 'nowrap' },
  progress: { minWidth: 160 },
  next: {
    borderColor: theme.palette.primary.main,
    color: theme.palette.primary.main,
  },
}));

function WaveChips(props: { rollout: RolloutProgress }) {
  const { rollout } = props;
  const classes = useStyles();
  return (
    <Box display="flex" flexWrap="wrap" gridGap={6}>
      {rollout.waves.map(wave => {
        const next = wave.name === rollout.nextWave;
        return (
          <Chip
            key={wave.name}
            size="small"
            variant={wave.complete ? 'default' : 'outlined'}
            className={next ? classes.next : undefined}
            label={`${wave.complete ? '✓ ' : ''}${wave.name} ${wave.onTarget}/${
              wave.total
            }`}
            data-wave={wave.name}
          />
        );
      })}
    </Box>
  );
}

/** Profiles in rollout with their progress per wave; each links to its profile's rollout tab. */
export function RolloutsTable(props: { items: RolloutProgress[] }) {
  const classes = useStyles();
  const entityRoute = useRouteRef(entityRouteRef);
  const rolloutTab = (rollout: RolloutProgress) => {
    const ref = tryParseEntityRef(rollout.profileRef, 'clusterprofile');
    return ref
      ? `${entityRoute({
          kind: ref.kind.toLocaleLowerCase('en-US'),
          namespace: ref.namespace,
          name: ref.name,
        })}/rollout`
      : undefined;
  };
  return (
    <Table aria-label="Rollouts">
      <TableHead>
        <TableRow>
          <TableCell>Profile</TableCell>
          <TableCell className={classes.nowrap}>Target version</TableCell>
          <TableCell>Progress</TableCell>
          <TableCell>Waves</TableCell>
          <TableCell className={classes.nowrap}>Next wave</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(rollout => {
          const to = rolloutTab(rollout);
          const title = rollout.profileTitle ?? rollout.profileName;
          return (
            <TableRow
              key={rollout.profileRef}
              data-profile={rollout.profileName}
            >
              <TableCell>{to ? <Link to={to}>{title}</Link> : title}</TableCell>
              <TableCell className={classes.nowrap}>
                {rollout.targetVersion}
              </TableCell>
              <TableCell className={classes.progress}>
                <Box className={classes.nowrap} mb={0.5}>
                  {rollout.onTarget} of {rollout.clusters} clusters
                </Box>
                <LinearProgress
                  variant="determinate"
                  value={
                    rollout.clusters
                      ? (100 * rollout.onTarget) / rollout.clusters
                      : 0
                  }
                  aria-label={`${rollout.onTarget} of ${rollout.clusters} clusters of ${title} on ${rollout.targetVersion}`}
                />
              </TableCell>
              <TableCell>
                <WaveChips rollout={rollout} />
              </TableCell>
              <TableCell className={classes.nowrap}>
                {rollout.nextWave ?? '—'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
