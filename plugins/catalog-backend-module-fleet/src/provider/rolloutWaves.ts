import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';
import {
  checkClusterWave,
  ClusterProfileEntity,
  isClusterEntity,
  isClusterProfileEntity,
} from '@fleet-portal/plugin-fleet-common';
import type { PlatformRepoContents } from './readPlatformRepo';

/**
 * A cluster's `spec.rollout.wave` must be a wave its profile (in the same repository) defines.
 * Files are checked one by one before this; the wave needs the profile, so this runs once over
 * the commit's entities and skips each cluster file whose wave its profile does not define, with
 * the reason at the file (a cluster whose profile is not in the repository is left to the other
 * checks).
 */
export function checkRolloutWaves(
  contents: PlatformRepoContents,
): PlatformRepoContents {
  const profiles = new Map<string, ClusterProfileEntity>();
  for (const { entity } of contents.entities) {
    if (isClusterProfileEntity(entity)) {
      profiles.set(entity.metadata.name.toLocaleLowerCase('en-US'), entity);
    }
  }
  const result: PlatformRepoContents = {
    entities: [],
    errors: [...contents.errors],
  };
  for (const item of contents.entities) {
    const { entity, path } = item;
    const profile =
      isClusterEntity(entity) && entity.spec.rollout?.wave !== undefined
        ? profileOf(entity.spec.profile, profiles)
        : undefined;
    const issues =
      profile && isClusterEntity(entity)
        ? checkClusterWave(entity, profile)
        : [];
    if (issues.length === 0) {
      result.entities.push(item);
    } else {
      result.errors.push(...issues.map(i => ({ path, message: i.message })));
    }
  }
  return result;
}

function profileOf(
  ref: string | undefined,
  profiles: ReadonlyMap<string, ClusterProfileEntity>,
): ClusterProfileEntity | undefined {
  if (!ref) return undefined;
  try {
    const parsed = parseEntityRef(ref, {
      defaultKind: 'clusterprofile',
      defaultNamespace: DEFAULT_NAMESPACE,
    });
    return parsed.kind.toLocaleLowerCase('en-US') === 'clusterprofile' &&
      parsed.namespace === DEFAULT_NAMESPACE
      ? profiles.get(parsed.name.toLocaleLowerCase('en-US'))
      : undefined;
  } catch {
    return undefined;
  }
}
