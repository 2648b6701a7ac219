import { useEntityTitles } from '../../lib/useEntityTitles';
import { isRef } from './HealthGrid/GroupLabel';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import type {
  ClusterHealth,
  SignalDefinition,
} from '@fleet-portal/plugin-fleet-common';
import {
  formatSampleTime,
  formatSignalValue,
  HealthStatusChip,
} from '../HealthStatus';
import { ClusterHealthLink } from './ClusterHealthLink';

function WorstSignal(props: {
  cluster: ClusterHealth;
  signals: Map<string, SignalDefinition>;
}) {
  const { cluster, signals } = props;
  const verdict = cluster.signals.find(s => s.signal === cluster.worstSignal);
  if (!verdict) return <>—</>;
  const definition = signals.get(verdict.signal);
  return (
    <>
      <Typography variant="body2">
        {definition?.title ?? verdict.signal}
        {verdict.value !== undefined &&
          `: ${formatSignalValue(verdict.value, definition?.unit)}`}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {verdict.reason}
      </Typography>
    </>
  );
}

/** Consecutive clusters of the same group, in the order the server gave them. */
function consecutiveGroups(
  clusters: ClusterHealth[],
  groups: string[] | undefined,
): Array<[string | undefined, ClusterHealth[]]> {
  const out: Array<[string | undefined, ClusterHealth[]]> = [];
  clusters.forEach((cluster, i) => {
    const group = groups?.[i];
    const last = out[out.length - 1];
    if (last && last[0] === group) last[1].push(cluster);
    else out.push([group, [cluster]]);
  });
  return out;
}

/**
 * The accessible list: one card per group of the page (or one for all), each listing its
 * clusters in the server's order (worst first) with the signal that decided and a link to the tab.
 */
export function ClusterHealthGroups(props: {
  clusters: ClusterHealth[];
  /** The group of each cluster, parallel to `clusters`, when the page is grouped. */
  groups?: string[];
  signals: SignalDefinition[];
}) {
  const definitions = new Map(props.signals.map(s => [s.id, s]));
  // owner and profile groups are entity refs: named as people read them
  const titleOf = useEntityTitles(
    [...new Set(props.groups ?? [])].filter(isRef),
  );
  return (
    <>
      {consecutiveGroups(props.clusters, props.groups).map(
        ([group, clusters], index) => (
          <InfoCard
            key={`${group}-${index}`}
            title={group ? titleOf(group) : 'Clusters'}
            subheader={`${clusters.length} ${
              clusters.length === 1 ? 'cluster' : 'clusters'
            } on this page`}
            noPadding
          >
            <Table
              size="small"
              aria-label={group ? `Clusters in ${titleOf(group)}` : 'Clusters'}
              // the same column widths in every group's card
              style={{ tableLayout: 'fixed' }}
            >
              <TableHead>
                <TableRow>
                  <TableCell style={{ width: '24%' }}>Cluster</TableCell>
                  <TableCell style={{ width: '12%' }}>Status</TableCell>
                  <TableCell>Worst signal</TableCell>
                  <TableCell style={{ width: '20%' }}>Sample time</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {clusters.map(cluster => (
                  <TableRow
                    key={cluster.entityRef ?? cluster.cluster}
                    data-cluster={cluster.cluster}
                  >
                    <TableCell>
                      <ClusterHealthLink cluster={cluster} />
                      {!cluster.entityRef && (
                        <Typography
                          variant="caption"
                          color="textSecondary"
                          component="div"
                        >
                          not in the catalog
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <HealthStatusChip status={cluster.status} />
                    </TableCell>
                    <TableCell>
                      <WorstSignal cluster={cluster} signals={definitions} />
                    </TableCell>
                    <TableCell>
                      {formatSampleTime(
                        cluster.signals.find(
                          s => s.signal === cluster.worstSignal,
                        )?.sampleTime ?? cluster.signals[0]?.sampleTime,
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </InfoCard>
        ),
      )}
    </>
  );
}
