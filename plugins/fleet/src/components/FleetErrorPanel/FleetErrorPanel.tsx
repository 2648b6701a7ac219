import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { isForbidden } from '../../lib/errors';

/** An error from the fleet API; a 403 gets a plain permission message instead of a stack. */
export function FleetErrorPanel(props: { error: Error; title?: string }) {
  const { error, title } = props;
  if (isForbidden(error)) {
    return (
      <WarningPanel
        severity="warning"
        title="You don't have permission to view fleet lifecycle data"
        message="Ask the platform team for the fleet.lifecycle.read permission."
      />
    );
  }
  return <ResponseErrorPanel error={error} title={title} />;
}
