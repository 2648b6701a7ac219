import Box from '@material-ui/core/Box';
import {
  EmptyState,
  InfoCard,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  hasFleetFields,
  isClusterEntity,
  type ClusterEntity,
} from '@fleet-portal/plugin-fleet-common';
import { clusterMetadata } from './clusterMetadata';
import { LifecycleSection } from './LifecycleSection';
import { useClusterLifecycle } from './useClusterLifecycle';

const TITLE = 'Cluster overview';

function NotGoverned() {
  return (
    <InfoCard title={TITLE}>
      <EmptyState
        missing="info"
        title="Not governed"
        description="This cluster has no fleet fields (profile, purpose, environment, lifetime…). It was not built from a cluster profile, so Fleet Portal cannot govern it. Register it in the platform repository to bring it under governance."
      />
    </InfoCard>
  );
}

function GovernedCluster(props: { cluster: ClusterEntity }) {
  const { cluster } = props;
  const { value, loading, error } = useClusterLifecycle(cluster);
  return (
    <InfoCard title={TITLE}>
      <StructuredMetadataTable
        metadata={clusterMetadata(cluster, value)}
        options={{ titleFormat: key => key }}
      />
      <Box mt={2}>
        <LifecycleSection loading={loading} error={error} lifecycle={value} />
      </Box>
    </InfoCard>
  );
}

/** Overview of a kubernetes-cluster Resource: its recorded facts, lifecycle status and findings. */
export function ClusterOverviewCard() {
  const { entity } = useEntity();
  if (!isClusterEntity(entity) || !hasFleetFields(entity)) {
    return <NotGoverned />;
  }
  return <GovernedCluster cluster={entity} />;
}
