import Box from '@material-ui/core/Box';
import type { ClusterProfileSpec } from '@fleet-portal/plugin-fleet-common';
import { ResourceTable } from '../ResourceTable';
import { MetadataCard } from './MetadataCard';
import { tenancyMetadata } from './profileMetadata';

/** What a tenant namespace gets by default and may ask for at most. */
export function TenancyCard(props: { spec: ClusterProfileSpec }) {
  const tenancy = props.spec.tenancy;
  const metadata = tenancyMetadata(props.spec);
  if (!tenancy?.defaults && !tenancy?.maximums) {
    return <MetadataCard title="Tenancy" metadata={metadata} />;
  }
  return (
    <MetadataCard title="Tenancy" metadata={metadata}>
      <Box mt={2}>
        <ResourceTable
          label="Tenant quota"
          columns={[
            { title: 'Default', values: tenancy?.defaults?.quota },
            { title: 'Maximum', values: tenancy?.maximums?.quota },
          ]}
        />
      </Box>
      <Box mt={2}>
        <ResourceTable
          label="Tenant limits"
          columns={[
            {
              title: 'Default request',
              values: tenancy?.defaults?.limits?.defaultRequest,
            },
            {
              title: 'Default limit',
              values: tenancy?.defaults?.limits?.default,
            },
          ]}
        />
      </Box>
    </MetadataCard>
  );
}
