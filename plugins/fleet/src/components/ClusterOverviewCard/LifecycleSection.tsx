import Typography from '@material-ui/core/Typography';
import { Progress } from '@backstage/core-components';
import type { ClusterLifecycle } from '@fleet-portal/plugin-fleet-common';
import { isNotFound } from '../../lib/errors';
import { FleetErrorPanel } from '../FleetErrorPanel';
import { FindingsList } from '../FindingsList';

/** The findings part of the card: what the fleet backend says about the cluster. */
export function LifecycleSection(props: {
  loading: boolean;
  error?: Error;
  lifecycle?: ClusterLifecycle;
}) {
  const { loading, error, lifecycle } = props;
  if (loading) return <Progress />;
  if (error && isNotFound(error)) {
    return (
      <Typography variant="body2" color="textSecondary">
        The fleet service has no lifecycle record for this cluster yet.
      </Typography>
    );
  }
  if (error) return <FleetErrorPanel error={error} />;
  if (!lifecycle) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Findings
      </Typography>
      {lifecycle.findings.length ? (
        <FindingsList findings={lifecycle.findings} />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No findings: the cluster meets its governance rules.
        </Typography>
      )}
    </>
  );
}
