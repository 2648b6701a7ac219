import type { Entity } from '@backstage/catalog-model';
import {
  CLUSTER_PROFILE_KIND,
  CLUSTER_SPEC_TYPE,
  FLEET_API_VERSION,
  NAMESPACE_SPEC_TYPE,
} from './constants';
import type {
  ClusterEntity,
  ClusterFleetFields,
  ClusterProfileEntity,
  TenantNamespaceEntity,
} from './types';

/** The fields the entity model adds to a cluster Resource (not owner/lifecycle). */
export const CLUSTER_FLEET_FIELDS: ReadonlyArray<keyof ClusterFleetFields> = [
  'purpose',
  'profile',
  'profileVersion',
  'environment',
  'environmentGroup',
  'region',
  'site',
  'network',
  'lifetime',
  'nodes',
];

function isResourceOfType(entity: Entity, type: string): boolean {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === type
  );
}

/** A Resource with spec.type kubernetes-cluster. Its spec is typed, not validated. */
export function isClusterEntity(entity: Entity): entity is ClusterEntity {
  return isResourceOfType(entity, CLUSTER_SPEC_TYPE);
}

/** A Resource with spec.type kubernetes-namespace. Its spec is typed, not validated. */
export function isTenantNamespaceEntity(
  entity: Entity,
): entity is TenantNamespaceEntity {
  return isResourceOfType(entity, NAMESPACE_SPEC_TYPE);
}

export function isClusterProfileEntity(
  entity: Entity,
): entity is ClusterProfileEntity {
  return (
    entity.apiVersion === FLEET_API_VERSION &&
    entity.kind === CLUSTER_PROFILE_KIND
  );
}

/** True when the cluster carries any of the fleet fields. */
export function hasFleetFields(cluster: ClusterEntity): boolean {
  return CLUSTER_FLEET_FIELDS.some(field => cluster.spec[field] !== undefined);
}
