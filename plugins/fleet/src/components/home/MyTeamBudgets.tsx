import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { tryParseEntityRef } from '../../lib/refs';
import { teamBudgetUsage } from '@fleet-portal/plugin-fleet-common';
import {
  budgetLines,
  type ClusterBudget,
  TeamBudgetUsage,
  useClusterBudgets,
  useTeamTitles,
} from '../TeamBudget';

/** The (team, cluster) pairs of these namespaces, teams as full refs. */
function teamsByCluster(namespaces: readonly Entity[]) {
  const pairs = new Map<string, Set<string>>();
  for (const ns of namespaces) {
    const cluster = tryParseEntityRef(
      ns.spec?.cluster as string | undefined,
      'resource',
    )?.name;
    const team = tryParseEntityRef(
      ns.spec?.owner as string | undefined,
      'group',
    );
    if (cluster && team) {
      pairs.set(
        cluster,
        (pairs.get(cluster) ?? new Set()).add(stringifyEntityRef(team)),
      );
    }
  }
  return pairs;
}

/** How used up a team's budget on a cluster is: its fullest line. */
function fullest(found: ClusterBudget, team: string): number {
  const usage = teamBudgetUsage(found.namespaces, team);
  return Math.max(0, ...budgetLines(found.budget!, usage).map(l => l.ratio));
}

/**
 * My teams' usage against the team budget on each cluster where they own namespaces, the
 * fullest first; clusters whose profile sets no budget are named once, together.
 */
export function MyTeamBudgets(props: { namespaces: readonly Entity[] }) {
  const pairs = teamsByCluster(props.namespaces);
  const clusters = [...pairs.keys()].sort();
  const budgets = useClusterBudgets(clusters);
  const titleOf = useTeamTitles(
    [...pairs.values()].flatMap(teams => [...teams]),
  );
  if (clusters.length === 0) {
    return null;
  }
  let content;
  if (budgets.loading) {
    content = <Progress />;
  } else if (budgets.error) {
    content = (
      <ResponseErrorPanel
        title="Cannot load the team budgets"
        error={budgets.error}
      />
    );
  } else {
    const withBudget = (budgets.value ?? []).filter(b => b.budget);
    const without = (budgets.value ?? [])
      .filter(b => !b.budget)
      .map(b => b.cluster);
    content = (
      <>
        {withBudget
          .flatMap(found =>
            [...(pairs.get(found.cluster) ?? [])].map(team => ({
              found,
              team,
              fullest: fullest(found, team),
            })),
          )
          .sort((a, b) => b.fullest - a.fullest)
          .map(({ found, team }) => (
            <TeamBudgetUsage
              key={`${found.cluster}/${team}`}
              team={team}
              teamTitle={titleOf(team)}
              cluster={found.cluster}
              budget={found.budget!}
              namespaces={found.namespaces}
              compact
            />
          ))}
        {without.length > 0 && (
          <Typography variant="body2" color="textSecondary">
            No budget set by the profile on {without.join(', ')}.
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <Typography variant="h6" style={{ marginTop: 16 }}>
        Team budgets
      </Typography>
      {content}
    </>
  );
}
