import Typography from '@material-ui/core/Typography';
import {
  Progress,
  ResponseErrorPanel,
  Table,
  type TableColumn,
} from '@backstage/core-components';
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
import { HealthStatusChip } from '../HealthStatus';
import { LifecycleStatusChip } from '../LifecycleStatus';
import { useMyGroups } from './useMyGroups';

type Row = ClusterLifecycle & { health?: SignalStatus; namespaces: string[] };

/**
 * My team's clusters with their health and lifecycle, and the tenant namespaces my teams own
 * on each (namespaces on clusters of other teams listed with their cluster too).
 */
export function MyFleetContent() {
  const groups = useMyGroups();
  const fleetApi = useApi(fleetApiRef);
  const healthApi = useApi(fleetHealthApiRef);
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const owner = groups.value ?? [];
    if (owner.length === 0) {
      return { rows: [] as Row[], namespaces: [] };
    }
    const [clusters, health, namespaces] = await Promise.all([
      fleetApi.listClusters({ owner, limit: 100, orderBy: 'name' }),
      healthApi.listClusters({ owner, limit: 100 }).catch(() => undefined), // health is optional: a user may not see it
      catalogApi.getEntities({
        filter: {
          kind: 'Resource',
          'spec.type': NAMESPACE_SPEC_TYPE,
          'relations.ownedBy': owner,
        },
        fields: ['kind', 'metadata', 'spec.cluster', 'spec.namespace'],
      }),
    ]);
    const healthOf = new Map(
      (health?.items ?? []).map(h => [h.entityRef ?? h.cluster, h.status]),
    );
    const rows: Row[] = clusters.items.map(cluster => ({
      ...cluster,
      health: healthOf.get(cluster.entityRef),
      namespaces: [],
    }));
    return { rows, namespaces: namespaces.items };
  }, [groups.value, fleetApi, healthApi, catalogApi]);

  if (groups.loading || loading) {
    return <Progress />;
  }
  if (groups.error || error) {
    return <ResponseErrorPanel error={(groups.error ?? error)!} />;
  }
  const columns: TableColumn<Row>[] = [
    {
      title: 'Cluster',
      render: row => <EntityRefLink entityRef={row.entityRef} />,
    },
    { title: 'Environment', field: 'environment' },
    {
      title: 'Health',
      render: row =>
        row.health ? <HealthStatusChip status={row.health} /> : '—',
    },
    {
      title: 'Lifecycle',
      render: row => (
        <LifecycleStatusChip status={row.status} daysLeft={row.daysLeft} />
      ),
    },
  ];
  return (
    <>
      <Table<Row>
        title="Clusters of my teams"
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={value?.rows ?? []}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            Your teams own no clusters.
          </Typography>
        }
      />
      <Table
        title="Namespaces of my teams"
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={[
          {
            title: 'Namespace',
            render: (entity: any) => <EntityRefLink entityRef={entity} />,
          },
          {
            title: 'Cluster',
            render: (entity: any) =>
              typeof entity.spec?.cluster === 'string' ? (
                <EntityRefLink
                  entityRef={entity.spec.cluster}
                  defaultKind="resource"
                />
              ) : (
                '—'
              ),
          },
        ]}
        data={value?.namespaces ?? []}
        emptyContent={
          <Typography variant="body2" style={{ padding: 16 }}>
            Your teams own no namespaces yet — request one with the Tenant
            namespace template.
          </Typography>
        }
      />
    </>
  );
}
