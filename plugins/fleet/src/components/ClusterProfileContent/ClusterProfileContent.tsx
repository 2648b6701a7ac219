import Grid from '@material-ui/core/Grid';
import { EmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isClusterProfileEntity } from '@fleet-portal/plugin-fleet-common';
import { BuiltClustersCard } from './BuiltClustersCard';
import { ComponentsCard } from './ComponentsCard';
import { MetadataCard } from './MetadataCard';
import { networkMetadata, profileMetadata } from './profileMetadata';
import { TenancyCard } from './TenancyCard';

/** The "Profile" tab of a ClusterProfile: its baseline, tenancy and network rules, and its clusters. */
export function ClusterProfileContent() {
  const { entity } = useEntity();
  if (!isClusterProfileEntity(entity)) {
    return (
      <EmptyState
        missing="info"
        title="Not a cluster profile"
        description={`This tab shows entities of kind ClusterProfile; this is a ${entity.kind}.`}
      />
    );
  }
  const { spec } = entity;
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <MetadataCard title="Baseline" metadata={profileMetadata(spec)} />
      </Grid>
      <Grid item xs={12} md={6}>
        <TenancyCard spec={spec} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ComponentsCard components={spec.components ?? []} />
      </Grid>
      <Grid item xs={12} md={6}>
        <MetadataCard title="Network" metadata={networkMetadata(spec)} />
      </Grid>
      <Grid item xs={12}>
        <BuiltClustersCard profile={entity} />
      </Grid>
    </Grid>
  );
}
