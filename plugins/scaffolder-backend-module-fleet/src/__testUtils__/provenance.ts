import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import {
  platformRepoEntityPath,
  type PlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-common';
import { platformRepoSourceAnnotations } from '@fleet-portal/plugin-fleet-node';

/** The platform repository the catalog of the tests was read from. */
export const TEST_PLATFORM_REPO: PlatformRepoOrigin = {
  remote: '/srv/git/platform-config.git',
  branch: 'main',
};

/** The entity as the platform-repo provider emits it: annotated with its file's locations. */
export function fromPlatformRepo(entity: Entity): Entity {
  const file = platformRepoEntityPath(entity);
  if (!file) {
    return entity; // not a fleet entity the repository could hold
  }
  return withAnnotations(
    entity,
    platformRepoSourceAnnotations(TEST_PLATFORM_REPO, file),
  );
}

/**
 * The entity as the catalog holds it after someone registered `url` as a location: the
 * catalog sets its location and origin to that URL and keeps every other annotation,
 * including a copied `fleet-portal.dev/source: platform-repo`.
 */
export function registeredFrom(entity: Entity, url: string): Entity {
  return withAnnotations(entity, {
    'fleet-portal.dev/source': 'platform-repo',
    [ANNOTATION_LOCATION]: `url:${url}`,
    [ANNOTATION_ORIGIN_LOCATION]: `url:${url}`,
  });
}

function withAnnotations(
  entity: Entity,
  annotations: Record<string, string>,
): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: { ...entity.metadata.annotations, ...annotations },
    },
  };
}
