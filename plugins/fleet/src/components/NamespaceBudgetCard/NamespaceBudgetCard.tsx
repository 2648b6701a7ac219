import Typography from '@material-ui/core/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { isTenantNamespaceEntity } from '@fleet-portal/plugin-fleet-common';
import { tryParseEntityRef } from '../../lib/refs';
import {
  TeamBudgetUsage,
  useClusterBudgets,
  useTeamTitles,
} from '../TeamBudget';

const TITLE = 'Team budget';

/**
 * On a tenant namespace: what its team holds on the namespace's cluster against the budget
 * the cluster's profile sets per team (namespaces, summed quota).
 */
export function NamespaceBudgetCard() {
  const { entity } = useEntity();
  const namespace = isTenantNamespaceEntity(entity) ? entity : undefined;
  const cluster = tryParseEntityRef(namespace?.spec.cluster, 'resource')?.name;
  const team = namespace?.spec.owner;
  const budgets = useClusterBudgets(cluster ? [cluster] : []);
  const titleOf = useTeamTitles(team ? [team] : []);

  if (!cluster || !team) {
    return (
      <InfoCard title={TITLE}>
        <Typography variant="body2">
          This entity names no cluster or team, so no budget applies.
        </Typography>
      </InfoCard>
    );
  }
  if (budgets.loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (budgets.error) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel
          title="Cannot load the team budget"
          error={budgets.error}
        />
      </InfoCard>
    );
  }
  const found = budgets.value?.[0];
  return (
    <InfoCard title={TITLE}>
      {found?.budget ? (
        <TeamBudgetUsage
          team={team}
          teamTitle={titleOf(team)}
          cluster={cluster}
          budget={found.budget}
          namespaces={found.namespaces}
        />
      ) : (
        <Typography variant="body2">{noBudget(cluster, found)}</Typography>
      )}
    </InfoCard>
  );
}

function noBudget(
  cluster: string,
  found: { governed: boolean | 'unknown'; profile?: string } | undefined,
): string {
  if (found?.governed === 'unknown') {
    return `The fleet's lifecycle records do not list ${cluster} yet, so its team budget cannot be counted; reload in a minute.`;
  }
  if (!found?.governed) {
    return `${cluster} is not governed, so no team budget applies.`;
  }
  return `No budget set by the profile ${
    found.profile ?? 'of the cluster'
  }: teams on ${cluster} are limited only by its per-namespace maximums.`;
}
