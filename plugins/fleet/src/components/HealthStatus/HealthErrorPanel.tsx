import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { isForbidden } from '../../lib/errors';

/** An error from the health API; a 403 gets a plain permission message instead of a stack. */
export function HealthErrorPanel(props: { error: Error; title?: string }) {
  const { error, title } = props;
  if (isForbidden(error)) {
    return (
      <WarningPanel
        severity="warning"
        title="You may not see fleet health"
        message="Ask the platform team for the fleet.health.read permission."
      />
    );
  }
  return (
    <ResponseErrorPanel
      error={error}
      title={title ?? 'Could not load fleet health'}
    />
  );
}
