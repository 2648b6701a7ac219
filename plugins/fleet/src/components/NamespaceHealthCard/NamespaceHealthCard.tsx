import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Link,
  Progress,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import {
  isTenantNamespaceEntity,
  type ClusterHealthDetail,
} from '@fleet-portal/plugin-fleet-common';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { tryParseEntityRef } from '../../lib/refs';
import { isNotFound } from '../../lib/errors';
import { useClusterHealth } from '../ClusterHealthContent/useClusterHealth';
import {
  formatSignalValue,
  HealthErrorPanel,
  HealthStatusChip,
  signalTitle,
  sourceProblem,
} from '../HealthStatus';

const TITLE = 'Cluster health';

/** Path of the cluster's "Fleet health" tab (entity content path `health`). */
export const HEALTH_TAB_PATH = 'health';

function Summary(props: { detail: ClusterHealthDetail; tabLink?: string }) {
  const { detail, tabLink } = props;
  const worst = detail.signals.find(s => s.signal === detail.worstSignal);
  const unit = detail.signalDefinitions.find(
    d => d.id === detail.worstSignal,
  )?.unit;
  const troubled = detail.sources.filter(s => s.status !== 'up');
  const problems = troubled.map(sourceProblem);
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <Box display="flex" alignItems="center" gridGap={8}>
        <Typography variant="body2">{detail.cluster}</Typography>
        <HealthStatusChip status={detail.status} />
      </Box>
      {worst ? (
        <Typography variant="body2">
          Worst signal: {signalTitle(detail.signalDefinitions, worst.signal)}
          {worst.value !== undefined &&
            ` — ${formatSignalValue(worst.value, unit)}`}
          {!problems.includes(worst.reason) && (
            <Typography variant="caption" color="textSecondary" component="div">
              {worst.reason}
            </Typography>
          )}
        </Typography>
      ) : (
        detail.status === 'ok' && (
          <Typography variant="body2" color="textSecondary">
            Every signal is ok.
          </Typography>
        )
      )}
      {problems.map(problem => (
        <Typography key={problem} variant="body2" color="error">
          {problem}
        </Typography>
      ))}
      {tabLink && <Link to={tabLink}>All signals of the cluster</Link>}
    </Box>
  );
}

function ClusterSummary(props: { cluster: CompoundEntityRef }) {
  const { cluster } = props;
  const entityRoute = useRouteRef(entityRouteRef);
  const { value, loading, error } = useClusterHealth(cluster);
  const entityPath = entityRoute?.({
    kind: cluster.kind.toLocaleLowerCase('en-US'),
    namespace: cluster.namespace,
    name: cluster.name,
  });
  if (loading) return <Progress />;
  if (error) {
    if (isNotFound(error)) {
      return (
        <Typography variant="body2" color="textSecondary">
          The cluster {cluster.name} is not in the catalog, so its health is
          unknown.
        </Typography>
      );
    }
    return <HealthErrorPanel error={error} />;
  }
  return value ? (
    <Summary
      detail={value}
      tabLink={entityPath && `${entityPath}/${HEALTH_TAB_PATH}`}
    />
  ) : null;
}

/** A tenant namespace's view of the cluster it runs on: the cluster's overall health and worst signal. */
export function NamespaceHealthCard() {
  const { entity } = useEntity();
  const cluster = isTenantNamespaceEntity(entity)
    ? tryParseEntityRef(entity.spec.cluster, 'resource')
    : undefined;
  return (
    <InfoCard title={TITLE}>
      {cluster ? (
        <ClusterSummary cluster={cluster} />
      ) : (
        <EmptyState
          missing="field"
          title="No cluster recorded"
          description="This namespace has no spec.cluster, so there is no cluster health to show."
        />
      )}
    </InfoCard>
  );
}
