import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import {
  EmptyState,
  InfoCard,
  Progress,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { ClusterProfileEntity } from '@fleet-portal/plugin-fleet-common';
import { isVersionBehind } from '@fleet-portal/plugin-fleet-common';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { useClustersBuiltFrom } from './useClustersBuiltFrom';
import { EntityLink } from '../EntityLink';

const TITLE = 'Clusters built from this profile';

type Row = {
  id: string;
  entity: Entity;
  version?: string;
  behind: boolean;
  environment?: string;
  owner?: string;
};

const columns: TableColumn<Row>[] = [
  {
    title: 'Cluster',
    field: 'id',
    highlight: true,
    render: row => <EntityRefLink entityRef={row.entity} />,
  },
  {
    title: 'Profile version',
    field: 'version',
    render: row => (
      <Box display="flex" alignItems="center" gridGap={8}>
        <span>{row.version ?? '—'}</span>
        {row.behind && <Chip size="small" variant="outlined" label="Behind" />}
      </Box>
    ),
  },
  { title: 'Environment', field: 'environment' },
  {
    title: 'Owner',
    field: 'owner',
    render: row =>
      row.owner ? (
        <EntityLink entityRef={row.owner} defaultKind="group" />
      ) : (
        '—'
      ),
  },
];

function toRow(cluster: Entity, currentVersion: string): Row {
  const version = cluster.spec?.profileVersion as string | undefined;
  return {
    id: stringifyEntityRef(cluster),
    entity: cluster,
    version,
    behind: isVersionBehind(version, currentVersion),
    environment: cluster.spec?.environment as string | undefined,
    owner: cluster.spec?.owner as string | undefined,
  };
}

/** The clusters built from the profile with the version each runs; the ones behind are marked. */
export function BuiltClustersCard(props: { profile: ClusterProfileEntity }) {
  const { profile } = props;
  const { value, loading, error } = useClustersBuiltFrom(profile);
  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={TITLE}>
        <FleetErrorPanel error={error} />
      </InfoCard>
    );
  }
  if (!value?.length) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="data"
          title="No clusters are built from this profile yet"
          description="Clusters name their profile in spec.profile; they appear here once the catalog has processed them."
        />
      </InfoCard>
    );
  }
  const rows = value.map(cluster => toRow(cluster, profile.spec.version));
  const behind = rows.filter(row => row.behind).length;
  return (
    <Table<Row>
      title={TITLE}
      subtitle={`${rows.length} clusters, ${behind} behind version ${profile.spec.version}`}
      columns={columns}
      data={rows}
      options={{ paging: rows.length > 20, pageSize: 20, padding: 'dense' }}
    />
  );
}
