import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntityTitles } from '../../lib/useEntityTitles';
import { tryParseEntityRef } from '../../lib/refs';

function groupRef(team: string): string {
  const parsed = tryParseEntityRef(team, 'group');
  return parsed ? stringifyEntityRef(parsed) : team;
}

/** Teams by the title the catalog gives their group; owners may be written short (`team-checkout`). */
export function useTeamTitles(teams: readonly string[]) {
  const titleOf = useEntityTitles([...new Set(teams.map(groupRef))]);
  return (team: string) => titleOf(groupRef(team));
}
