import Button from '@material-ui/core/Button';
import { LinkButton } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  fleetRolloutPromotePermission,
  type RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import { promoteTemplateLink } from './promoteLink';

/**
 * "Promote <wave>" for users allowed fleet.rollout.promote, enabled only when the view says the next
 * wave may be promoted; it opens the promote template prefilled, whose action judges the gate again.
 * Others are not offered the button at all.
 */
export function PromoteButton(props: { view: RolloutView }) {
  const { view } = props;
  const { loading, allowed } = usePermission({
    permission: fleetRolloutPromotePermission,
  });
  const href = promoteTemplateLink(view);
  if (loading || !allowed || !href || !view.nextWave) return null;
  const label = `Promote ${view.nextWave}`;
  if (!view.promotable) {
    return (
      <Button variant="outlined" disabled>
        {label}
      </Button>
    );
  }
  return (
    <LinkButton to={href} variant="contained" color="primary">
      {label}
    </LinkButton>
  );
}
