import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_FLEET_GOVERNED, CLUSTER_SPEC_TYPE } from '../constants';
import { isClusterEntity } from '../guards';
import { validateClusterName } from '../naming';
import { clusterFleetSpecSchema } from '../schema';
import type { ClusterEntity, ClusterLifetime, ClusterNetwork } from '../types';
import { checkCidrs } from './cidrs';
import { FleetValidationIssue, issue } from './issues';
import { checkRef, OWNER_REF, PROFILE_REF } from './refs';
import { checkClusterRollout } from './rollout';
import { schemaCheck } from './structure';
import { checkSemver } from './versions';

const checkStructure = schemaCheck(clusterFleetSpecSchema, 'spec');

/**
 * Checks the fleet fields a kubernetes-cluster Resource carries; absent fields are
 * fine. Semantic rules run once the structure is valid, so they can trust the types.
 */
export function validateClusterFleetFields(
  entity: Entity,
): FleetValidationIssue[] {
  if (!isClusterEntity(entity)) {
    return [notACluster(entity)];
  }
  const structural = checkStructure(entity.spec);
  if (structural.length > 0) {
    return structural;
  }
  const { spec } = entity;
  return [
    ...checkRef('spec.owner', spec.owner, OWNER_REF),
    ...checkRef('spec.profile', spec.profile, PROFILE_REF),
    ...checkSemver('spec.profileVersion', spec.profileVersion),
    ...checkNetwork(spec.network),
    ...checkLifetime(spec.lifetime),
    ...checkClusterRollout(spec.rollout),
  ];
}

/**
 * Like validateClusterFleetFields, and also requires the governed set of the entity
 * model and a DNS-1123 name.
 */
export function validateGovernedCluster(
  entity: Entity,
): FleetValidationIssue[] {
  const issues = validateClusterFleetFields(entity);
  if (!isClusterEntity(entity)) {
    return issues;
  }
  return [
    ...validateClusterName(entity.metadata.name),
    ...issues,
    ...missingGovernedFields(entity),
  ];
}

/**
 * A cluster is governed when it is not opted out with the governed annotation set to
 * 'false' and it carries the complete, valid governed set. The annotation alone never
 * makes a cluster governed.
 */
export function isGovernedCluster(entity: Entity): entity is ClusterEntity {
  return (
    isClusterEntity(entity) &&
    entity.metadata.annotations?.[ANNOTATION_FLEET_GOVERNED] !== 'false' &&
    validateGovernedCluster(entity).length === 0
  );
}

function notACluster(entity: Entity): FleetValidationIssue {
  return issue(
    'spec.type',
    `must be ${CLUSTER_SPEC_TYPE} on a Resource (got ${
      entity.kind
    } with type ${JSON.stringify(entity.spec?.type)})`,
  );
}

function checkNetwork(network: ClusterNetwork | undefined) {
  const fields = (['podCidr', 'serviceCidr', 'nodeCidr'] as const).flatMap(
    key => {
      const text = network?.[key];
      return text === undefined ? [] : [{ path: `spec.network.${key}`, text }];
    },
  );
  return checkCidrs(fields).issues;
}

// Valid YYYY-MM-DD dates (the schema checked them) order like their strings.
function checkLifetime(lifetime: ClusterLifetime | undefined) {
  const issues: FleetValidationIssue[] = [];
  const created = lifetime?.created;
  for (const key of ['reviewBy', 'retireBy'] as const) {
    const date = lifetime?.[key];
    if (created && date && date <= created) {
      issues.push(
        issue(
          `spec.lifetime.${key}`,
          `${date} must be after spec.lifetime.created (${created})`,
        ),
      );
    }
  }
  if (lifetime?.class === 'project' && !lifetime.retireBy) {
    issues.push(
      issue(
        'spec.lifetime.retireBy',
        'is required when spec.lifetime.class is project (a project cluster has a decommission date)',
      ),
    );
  }
  return issues;
}

function missingGovernedFields(cluster: ClusterEntity): FleetValidationIssue[] {
  const { spec } = cluster;
  const required: Array<[string, unknown]> = [
    ['spec.owner', spec.owner],
    ['spec.purpose', spec.purpose],
    ['spec.profile', spec.profile],
    ['spec.profileVersion', spec.profileVersion],
    ['spec.environment', spec.environment],
    ['spec.region', spec.region],
    ['spec.network.podCidr', spec.network?.podCidr],
    ['spec.network.serviceCidr', spec.network?.serviceCidr],
    ['spec.lifetime.created', spec.lifetime?.created],
  ];
  // A project cluster's retireBy is required for every cluster (checkLifetime).
  if (spec.lifetime?.class !== 'project') {
    required.push(['spec.lifetime.reviewBy', spec.lifetime?.reviewBy]);
  }
  return required
    .filter(([, value]) => value === undefined)
    .map(([path]) => issue(path, 'is required for a governed cluster'));
}
