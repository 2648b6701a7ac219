import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  isTenantNamespaceEntity,
  type TenantNamespaceEntity,
} from '@fleet-portal/plugin-fleet-common';
import { ResourceTable } from '../ResourceTable';
import { EntityLink } from '../EntityLink';
import { NamespaceActions } from './NamespaceActions';

const TITLE = 'Tenant namespace';

function namespaceMetadata(spec: TenantNamespaceEntity['spec']) {
  const rows: Record<string, unknown> = {
    Team: spec.owner && (
      <EntityLink entityRef={spec.owner} defaultKind="group" />
    ),
    Cluster: spec.cluster && (
      <EntityLink entityRef={spec.cluster} defaultKind="resource" />
    ),
    'Kubernetes namespace': spec.namespace,
    Roles: spec.roles?.length ? spec.roles.join(', ') : undefined,
    'Identity group': spec.identityGroup,
  };
  return Object.fromEntries(Object.entries(rows).filter(([, value]) => value));
}

function TenantNamespace(props: { entity: TenantNamespaceEntity }) {
  const { spec } = props.entity;
  const hasResources = spec.quota || spec.limits;
  return (
    <InfoCard title={TITLE}>
      <StructuredMetadataTable
        metadata={namespaceMetadata(spec)}
        options={{ titleFormat: key => key }}
      />
      <Box mt={2}>
        <ResourceTable
          label="Quota"
          columns={[{ title: 'Quota', values: spec.quota }]}
        />
      </Box>
      <Box mt={2}>
        <ResourceTable
          label="Limits"
          columns={[
            { title: 'Default request', values: spec.limits?.defaultRequest },
            { title: 'Default limit', values: spec.limits?.default },
          ]}
        />
      </Box>
      {!hasResources && (
        <Typography variant="body2" color="textSecondary">
          No quota or limits recorded; the cluster profile's tenancy defaults
          apply.
        </Typography>
      )}
      <NamespaceActions entity={props.entity} />
    </InfoCard>
  );
}

/** A tenant namespace Resource: the team, the cluster, and what the namespace may use. */
export function TenantNamespaceCard() {
  const { entity } = useEntity();
  if (
    !isTenantNamespaceEntity(entity) ||
    !entity.spec.cluster ||
    !entity.spec.namespace
  ) {
    return (
      <InfoCard title={TITLE}>
        <EmptyState
          missing="field"
          title="Not a tenant namespace"
          description="This entity has no spec.cluster and spec.namespace. Tenant namespaces are requested through the namespace template, which records both."
        />
      </InfoCard>
    );
  }
  return <TenantNamespace entity={entity} />;
}
