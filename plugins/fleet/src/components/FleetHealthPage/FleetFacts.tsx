import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  formatSignalValue,
  type FleetHealthSummary,
} from '@fleet-portal/plugin-fleet-common';

const more = (shown: number, total: number, what: string) =>
  total > shown ? `The first ${shown} of ${total} ${what}.` : undefined;

/** Cluster label values that report metrics but have no catalog entity. */
export function UnregisteredClusters(props: {
  unregistered: FleetHealthSummary['unregistered'];
  trouble?: string;
}) {
  const { unregistered, trouble } = props;
  const clusters = unregistered.names;
  return (
    <InfoCard
      title="Unregistered clusters"
      subheader="Report metrics to the store but have no catalog entity: register them in the platform repository, or fix their cluster label."
    >
      {trouble && (
        <Typography variant="body2" color="textSecondary">
          {clusters.length === 0 ? 'Unregistered clusters are' : 'The list is'}{' '}
          {trouble}.
        </Typography>
      )}
      {clusters.length === 0 && !trouble && (
        <Typography variant="body2" color="textSecondary">
          None: every cluster that reports metrics is in the catalog.
        </Typography>
      )}
      {clusters.length > 0 && (
        <>
          <Typography variant="body2" color="textSecondary">
            {more(clusters.length, unregistered.total, 'unregistered clusters')}
          </Typography>
          <List dense aria-label="Unregistered clusters">
            {clusters.map(cluster => (
              <ListItem key={cluster}>
                <ListItemText primary={cluster} />
              </ListItem>
            ))}
          </List>
        </>
      )}
    </InfoCard>
  );
}

/** Clusters whose series miss required labels, worst coverage first. */
export function LabelCoverageCard(props: {
  coverage: FleetHealthSummary['labelCoverage'];
  trouble?: string;
}) {
  const { measured, incomplete, incompleteTotal } = props.coverage;
  return (
    <InfoCard
      title="Label contract"
      subheader="Every series should carry cluster, environment, site and platform_version."
    >
      {props.trouble && (
        <Typography variant="body2" color="textSecondary">
          Label coverage is {props.trouble}.
        </Typography>
      )}
      {incomplete.length === 0 && !props.trouble && (
        <Typography variant="body2" color="textSecondary">
          {measured === 0
            ? 'No coverage measured yet.'
            : `All ${measured} clusters label every series.`}
        </Typography>
      )}
      {incomplete.length > 0 && (
        <>
          <Typography variant="body2" color="textSecondary">
            {more(incomplete.length, incompleteTotal, 'clusters with gaps')}
          </Typography>
          <Table size="small" aria-label="Label coverage">
            <TableHead>
              <TableRow>
                <TableCell>Cluster</TableCell>
                <TableCell>Coverage</TableCell>
                <TableCell>Series</TableCell>
                <TableCell>Missing labels</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {incomplete.map(c => (
                <TableRow key={c.cluster}>
                  <TableCell>{c.cluster}</TableCell>
                  <TableCell>{formatSignalValue(c.share, 'ratio')}</TableCell>
                  <TableCell>{c.series}</TableCell>
                  <TableCell>{c.missingLabels.join(', ')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </InfoCard>
  );
}
