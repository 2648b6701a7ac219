import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ClusterEntity,
  ClusterLifecycle,
  ClusterProfileEntity,
  isClusterEntity,
  isClusterProfileEntity,
} from '@fleet-portal/plugin-fleet-common';
import { cidrOverlapFindings } from './cidrOverlaps';
import { clusterFindings } from './findings';
import { fullRef, refKey } from './refs';
import { lifecycleStatus } from './status';

/** The lifecycle view of every cluster among `entities`, judged against `profiles` on `today`. */
export function buildClusterLifecycles(
  entities: readonly Entity[],
  profileEntities: readonly Entity[],
  today: string,
): ClusterLifecycle[] {
  const profiles = new Map<string, ClusterProfileEntity>();
  for (const entity of profileEntities) {
    if (isClusterProfileEntity(entity)) {
      profiles.set(refKey(stringifyEntityRef(entity)), entity);
    }
  }
  const clusters = entities.filter(isClusterEntity);
  const overlaps = cidrOverlapFindings(
    clusters.map(cluster => ({
      entityRef: stringifyEntityRef(cluster),
      podCidr: cluster.spec.network?.podCidr,
      serviceCidr: cluster.spec.network?.serviceCidr,
    })),
  );
  return clusters.map(cluster => {
    const entityRef = stringifyEntityRef(cluster);
    const view = describeCluster(cluster, entityRef, today, profiles);
    view.findings.push(...(overlaps.get(entityRef) ?? []));
    return view;
  });
}

function describeCluster(
  cluster: ClusterEntity,
  entityRef: string,
  today: string,
  profiles: ReadonlyMap<string, ClusterProfileEntity>,
): ClusterLifecycle {
  const { spec, metadata } = cluster;
  const lifetime = spec.lifetime ?? {};
  const profileRef = spec.profile
    ? fullRef(spec.profile, 'clusterprofile')
    : undefined;
  const profile = profileRef ? profiles.get(refKey(profileRef)) : undefined;
  const findings = clusterFindings(cluster, { profileRef, profile, today });
  return {
    entityRef,
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
    governed: !findings.some(finding => finding.code === 'ungoverned'),
    findings,
  };
}
