import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ClusterEntity,
  ClusterLifecycle,
  ClusterProfileEntity,
  isClusterEntity,
  isClusterProfileEntity,
  isFromPlatformRepository,
  PlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-common';
import { fullRef, refKey } from './refs';
import { lifecycleStatus } from './status';

/** A cluster's lifecycle view without its governance verdict: what filtering, sorting and paging use. */
export type LifecycleFields = Omit<ClusterLifecycle, 'governed' | 'findings'>;

/** The lifecycle fields of a cluster, with what judging its governance later needs. */
export type ClusterRecord = LifecycleFields & {
  readonly entity: ClusterEntity;
  /** The cluster's profile, only when it is from the platform repository. */
  readonly profile?: ClusterProfileEntity;
  /** Whether the catalog got the cluster from the platform repository (isFromPlatformRepository). */
  readonly fromPlatformRepository: boolean;
  /** The profile ref names a ClusterProfile the catalog has from elsewhere; it is not used. */
  readonly profileNotFromPlatformRepository: boolean;
};

/** The profiles of a catalog view: those of the platform repository, and the refs of the rest. */
type Profiles = {
  governed: ReadonlyMap<string, ClusterProfileEntity>;
  elsewhere: ReadonlySet<string>;
};

/**
 * The lifecycle fields of every cluster among `entities` on `today`. Cheap enough to build for
 * the whole fleet on every request; governance (validation, CIDR overlaps) is judged separately
 * and only for the clusters a response shows. Only profiles from the platform repositories of
 * `origins` are used; a cluster from anywhere else is recorded, and judged ungoverned.
 */
export function buildClusterRecords(
  entities: readonly Entity[],
  profileEntities: readonly Entity[],
  today: string,
  origins: readonly PlatformRepoOrigin[],
): ClusterRecord[] {
  const governed = new Map<string, ClusterProfileEntity>();
  const elsewhere = new Set<string>();
  for (const entity of profileEntities) {
    if (isClusterProfileEntity(entity)) {
      const key = refKey(stringifyEntityRef(entity));
      if (isFromPlatformRepository(entity, origins)) {
        governed.set(key, entity);
      } else {
        elsewhere.add(key);
      }
    }
  }
  return entities
    .filter(isClusterEntity)
    .map(cluster =>
      describeCluster(cluster, today, { governed, elsewhere }, origins),
    );
}

function describeCluster(
  cluster: ClusterEntity,
  today: string,
  profiles: Profiles,
  origins: readonly PlatformRepoOrigin[],
): ClusterRecord {
  const { spec, metadata } = cluster;
  const lifetime = spec.lifetime ?? {};
  const profileRef = spec.profile
    ? fullRef(spec.profile, 'clusterprofile')
    : undefined;
  const profileKey = profileRef ? refKey(profileRef) : undefined;
  const profile = profileKey ? profiles.governed.get(profileKey) : undefined;
  return {
    entity: cluster,
    profile,
    fromPlatformRepository: isFromPlatformRepository(cluster, origins),
    profileNotFromPlatformRepository:
      !profile && !!profileKey && profiles.elsewhere.has(profileKey),
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
    ...(lifetime.retiring && { retiring: lifetime.retiring }),
    ...lifecycleStatus(lifetime, today),
  };
}
