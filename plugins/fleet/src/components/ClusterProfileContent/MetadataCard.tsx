import type { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';

/** An InfoCard of label/value rows, or a note when the profile records none of them. */
export function MetadataCard(props: {
  title: string;
  metadata: Record<string, unknown>;
  children?: ReactNode;
}) {
  const { title, metadata, children } = props;
  const empty = Object.keys(metadata).length === 0;
  return (
    <InfoCard title={title}>
      {!empty && (
        <StructuredMetadataTable
          metadata={metadata}
          options={{ titleFormat: key => key }}
        />
      )}
      {children}
      {empty && !children && (
        <Typography variant="body2" color="textSecondary">
          Not set in this profile.
        </Typography>
      )}
    </InfoCard>
  );
}
