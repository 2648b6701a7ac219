import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ClusterEntity,
  ClusterLifecycle,
  ClusterProfileEntity,
  isClusterEntity,
  isClusterProfileEntity,
} from '@fleet-portal/plugin-fleet-common';
import { fullRef, refKey } from './refs';
import { lifecycleStatus } from './status';

/** A cluster's lifecycle view without its governance verdict: what filtering, sorting and paging use. */
export type LifecycleFields = Omit<ClusterLifecycle, 'governed' | 'findings'>;

/** The lifecycle fields of a cluster, with what judging its governance later needs. */
export type ClusterRecord = LifecycleFields & {
  readonly entity: ClusterEntity;
  readonly profile?: ClusterProfileEntity;
};

/**
 * The lifecycle fields of every cluster among `entities` on `today`. Cheap enough to build for
 * the whole fleet on every request; governance (validation, CIDR overlaps) is judged separately
 * and only for the clusters a response shows.
 */
export function buildClusterRecords(
  entities: readonly Entity[],
  profileEntities: readonly Entity[],
  today: string,
): ClusterRecord[] {
  const profiles = new Map<string, ClusterProfileEntity>();
  for (const entity of profileEntities) {
    if (isClusterProfileEntity(entity)) {
      profiles.set(refKey(stringifyEntityRef(entity)), entity);
    }
  }
  return entities
    .filter(isClusterEntity)
    .map(cluster => describeCluster(cluster, today, profiles));
}

function describeCluster(
  cluster: ClusterEntity,
  today: string,
  profiles: ReadonlyMap<string, ClusterProfileEntity>,
): ClusterRecord {
  const { spec, metadata } = cluster;
  const lifetime = spec.lifetime ?? {};
  const profileRef = spec.profile
    ? fullRef(spec.profile, 'clusterprofile')
    : undefined;
  const profile = profileRef ? profiles.get(refKey(profileRef)) : undefined;
  return {
    entity: cluster,
    profile,
    entityRef: stringifyEntityRef(cluster),
    name: metadata.name,
    title: metadata.title,
    owner: spec.owner ? fullRef(spec.owner, 'group') : undefined,
    purpose: spec.purpose,
    environment: spec.environment,
    environmentGroup: spec.environmentGroup,
    region: spec.region,
    site: spec.site,
    profileRef,
    profileVersion: spec.profileVersion,
    profileCurrentVersion: profile?.spec.version,
    lifetimeClass: lifetime.class,
    created: lifetime.created,
    reviewBy: lifetime.reviewBy,
    retireBy: lifetime.retireBy,
    ...lifecycleStatus(lifetime, today),
  };
}
