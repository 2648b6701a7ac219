import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { isClusterEntity } from '../guards';
import type { ClusterEntity } from '../types';
import { isGovernedCluster } from '../validation/cluster';

/**
 * The checks every request on an existing cluster starts with: in the catalog, a kubernetes-cluster
 * Resource, governed. `ungovernedAdvice` ends the sentence for an ungoverned cluster.
 */
export function governedClusterProblem(
  ref: string,
  entity: Entity | undefined,
  ungovernedAdvice: string,
): { problem: string } | { cluster: ClusterEntity } {
  if (!entity) {
    return {
      problem: `${JSON.stringify(ref)} is not a cluster in the catalog`,
    };
  }
  const name = stringifyEntityRef(entity);
  if (!isClusterEntity(entity)) {
    return { problem: `${name} is not a kubernetes-cluster Resource` };
  }
  if (!isGovernedCluster(entity)) {
    return {
      problem: `${name} is not governed (no complete owner, profile, environment and review data); ${ungovernedAdvice}`,
    };
  }
  return { cluster: entity };
}
