import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { isForbidden } from '../../lib/errors';

/**
 * An error from the fleet API; a 403 gets a plain permission message instead of a stack,
 * naming what could not be viewed and the permission (fleet lifecycle data and
 * `fleet.lifecycle.read` unless told otherwise).
 */
export function FleetErrorPanel(props: {
  error: Error;
  title?: string;
  subject?: string;
  permission?: string;
}) {
  const {
    error,
    title,
    subject = 'fleet lifecycle data',
    permission = 'fleet.lifecycle.read',
  } = props;
  if (isForbidden(error)) {
    return (
      <WarningPanel
        severity="warning"
        title={`You don't have permission to view ${subject}`}
        message={`Ask the platform team for the ${permission} permission.`}
      />
    );
  }
  return <ResponseErrorPanel error={error} title={title} />;
}
