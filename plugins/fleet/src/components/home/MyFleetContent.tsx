import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Grid from '@material-ui/core/Grid';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  type ClusterLifecycle,
  NAMESPACE_SPEC_TYPE,
  type SignalStatus,
} from '@fleet-portal/plugin-fleet-common';
import useAsync from 'react-use/esm/useAsync';
import { fleetApiRef } from '../../api/FleetApi';
import { fleetHealthApiRef } from '../../api/FleetHealthApi';
import { EntityLink } from '../EntityLink';
import { HealthStatusChip } from '../HealthStatus';
import { LifecycleStatusChip } from '../LifecycleStatus';
import { MyTeamBudgets } from './MyTeamBudgets';
import { useMyGroups } from './useMyGroups';

type ClusterRow = ClusterLifecycle & { health?: SignalStatus };

/** My teams' clusters with their health and lifecycle, and the tenant namespaces my teams own. */
export function MyFleetContent() {
  const groups = useMyGroups();
  const fleetApi = useApi(fleetApiRef);
  const healthApi = useApi(fleetHealthApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const owner = groups.value ?? [];
    if (owner.length === 0) {
      return { clusters: [] as ClusterRow[], namespaces: [] };
    }
    const [clusters, health, namespaces] = await Promise.all([
      fleetApi.listClusters({ owner, limit: 100, orderBy: 'name' }),
      // health is optional: not every user may read it
      healthApi.listClusters({ owner, limit: 100 }).catch(() => undefined),
      catalogApi.getEntities({
        filter: {
          kind: 'Resource',
          'spec.type': NAMESPACE_SPEC_TYPE,
          'relations.ownedBy': owner,
        },
        fields: [
          'kind',
          'metadata',
          'spec.cluster',
          'spec.namespace',
          'spec.owner',
        ],
      }),
    ]);
    const healthOf = new Map(
      (health?.items ?? []).map(h => [h.entityRef ?? h.cluster, h.status]),
    );
    return {
      clusters: clusters.items.map(cluster => ({
        ...cluster,
        health: healthOf.get(cluster.entityRef),
      })),
      namespaces: namespaces.items,
    };
  }, [groups.value, fleetApi, healthApi, catalogApi]);

  if (groups.loading || loading) {
    return <Progress />;
  }
  if (groups.error || error) {
    return <ResponseErrorPanel error={(groups.error ?? error)!} />;
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={7}>
        <Typography variant="h6">Clusters of my teams</Typography>
        {value?.clusters.length ? (
          <Table size="small" aria-label="Clusters of my teams">
            <TableHead>
              <TableRow>
                <TableCell>Cluster</TableCell>
                <TableCell>Environment</TableCell>
                <TableCell>Health</TableCell>
                <TableCell>Lifecycle</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.clusters.map(cluster => (
                <TableRow key={cluster.entityRef}>
                  <TableCell>
                    <EntityRefLink entityRef={cluster.entityRef} />
                  </TableCell>
                  <TableCell>{cluster.environment ?? '—'}</TableCell>
                  <TableCell>
                    {cluster.health ? (
                      <HealthStatusChip status={cluster.health} />
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell>
                    <LifecycleStatusChip
                      status={cluster.status}
                      daysLeft={cluster.daysLeft}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2">Your teams own no clusters.</Typography>
        )}
      </Grid>
      <Grid item xs={12} lg={5}>
        <Typography variant="h6">Namespaces of my teams</Typography>
        {value?.namespaces.length ? (
          <Table size="small" aria-label="Namespaces of my teams">
            <TableHead>
              <TableRow>
                <TableCell>Namespace</TableCell>
                <TableCell>Cluster</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {value.namespaces.map(entity => (
                <TableRow key={entity.metadata.name}>
                  {/* the cluster has its own column: the namespace's own name, not its title */}
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    <EntityRefLink entityRef={entity}>
                      {typeof entity.spec?.namespace === 'string'
                        ? entity.spec.namespace
                        : undefined}
                    </EntityRefLink>
                  </TableCell>
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {typeof entity.spec?.cluster === 'string' ? (
                      <EntityLink
                        entityRef={entity.spec.cluster}
                        defaultKind="resource"
                      />
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2">
            Your teams own no namespaces yet — request one with the Tenant
            namespace template.
          </Typography>
        )}
        <MyTeamBudgets namespaces={value?.namespaces ?? []} />
      </Grid>
    </Grid>
  );
}
