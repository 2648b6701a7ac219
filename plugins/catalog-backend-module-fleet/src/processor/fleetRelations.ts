import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import type { EntityRelationSpec } from '@backstage/plugin-catalog-node';
import {
  CLUSTER_PROFILE_KIND,
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
  RELATION_BUILDS,
  RELATION_BUILT_FROM,
} from '@fleet-portal/plugin-fleet-common';

/**
 * The relations of a (valid) fleet entity, both directions of each pair:
 * ClusterProfile ownedBy/ownerOf its spec.owner, cluster builtFrom/builds its
 * spec.profile, tenant namespace dependsOn/dependencyOf its spec.cluster. A
 * Resource's ownership is left to Backstage's built-in processor.
 */
export function fleetRelations(entity: Entity): EntityRelationSpec[] {
  if (isClusterProfileEntity(entity)) {
    return pair(entity, entity.spec.owner, 'Group', [
      RELATION_OWNED_BY,
      RELATION_OWNER_OF,
    ]);
  }
  if (isClusterEntity(entity)) {
    return pair(entity, entity.spec.profile, CLUSTER_PROFILE_KIND, [
      RELATION_BUILT_FROM,
      RELATION_BUILDS,
    ]);
  }
  if (isTenantNamespaceEntity(entity)) {
    return pair(entity, entity.spec.cluster, 'Resource', [
      RELATION_DEPENDS_ON,
      RELATION_DEPENDENCY_OF,
    ]);
  }
  return [];
}

function pair(
  entity: Entity,
  ref: string | undefined,
  defaultKind: string,
  [forward, reverse]: [string, string],
): EntityRelationSpec[] {
  if (!ref) {
    return [];
  }
  const self = getCompoundEntityRef(entity);
  const target: CompoundEntityRef = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
  });
  return [
    { source: self, type: forward, target },
    { source: target, type: reverse, target: self },
  ];
}
