import {
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
} from '../guards';
import { platformRepoPaths } from './layout';
import { platformRepoFileLocation, PlatformRepoOrigin } from './locations';

/**
 * The catalog namespace of the platform repository's entities. Its layout has no place for a
 * namespace, so a governed entity is always here, and management-plane entities never are.
 */
export const GOVERNED_NAMESPACE = DEFAULT_NAMESPACE;

/**
 * The entity fields isFromPlatformRepository reads: add them to the `fields` of a catalog
 * query whose results are checked.
 */
export const PROVENANCE_FIELDS: readonly string[] = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  `metadata.annotations.${ANNOTATION_ORIGIN_LOCATION}`,
  'spec.type',
  'spec.cluster',
  'spec.namespace',
];

// A directory name the provider's layout can hold: never empty, '.', '..' or with a '/'.
const PATH_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The file of the platform repository the provider would read this entity from: a
 * ClusterProfile from `profiles/<name>/profile.yaml`, a cluster from
 * `clusters/<name>/cluster.yaml`, a tenant namespace from
 * `clusters/<cluster>/namespaces/<namespace>/namespace.yaml`. Undefined for any other
 * entity, or one outside the governed namespace.
 */
export function platformRepoEntityPath(entity: Entity): string | undefined {
  const { name, namespace = DEFAULT_NAMESPACE } = entity.metadata;
  if (namespace !== GOVERNED_NAMESPACE || !PATH_SEGMENT.test(name)) {
    return undefined;
  }
  if (isClusterProfileEntity(entity)) {
    return platformRepoPaths.profile(name);
  }
  if (isClusterEntity(entity)) {
    return platformRepoPaths.cluster(name);
  }
  if (isTenantNamespaceEntity(entity)) {
    const cluster = refName(entity.spec.cluster);
    const kubernetesNamespace = entity.spec.namespace;
    if (
      !cluster ||
      typeof kubernetesNamespace !== 'string' ||
      !PATH_SEGMENT.test(cluster) ||
      !PATH_SEGMENT.test(kubernetesNamespace) ||
      name !== `${cluster}.${kubernetesNamespace}`
    ) {
      return undefined;
    }
    return platformRepoPaths.namespaceEntity(cluster, kubernetesNamespace);
  }
  return undefined;
}

/**
 * Whether the catalog records that this profile, cluster or tenant namespace came from one of
 * the configured platform repositories: its origin location — which the catalog sets and an
 * entity author cannot — is exactly what the platform-repo provider gives the entity's file,
 * for that provider's remote and branch. The author-writable `fleet-portal.dev/source*`
 * annotations play no part.
 *
 * An entity registered from any other location has that location as its origin: another
 * branch, another repository, another path, or no origin at all is never from the platform
 * repository. With no origins configured, nothing is.
 */
export function isFromPlatformRepository(
  entity: Entity,
  origins: readonly PlatformRepoOrigin[],
): boolean {
  const origin = entity.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION];
  const path = platformRepoEntityPath(entity);
  if (!origin || !path) {
    return false;
  }
  return origins.some(
    candidate => platformRepoFileLocation(candidate, path) === origin,
  );
}

/**
 * Whether `entity` comes from the same platform repository, branch included, as `governed` — an
 * entity the backend already judged to be from the platform repository (e.g. a cluster whose
 * lifecycle record says governed). For frontends, which do not know the configured origins:
 * the catalog-set origin of both must be that repository's location of each one's file.
 */
export function isFromRepositoryOf(governed: Entity, entity: Entity): boolean {
  const governedOrigin =
    governed.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION];
  const governedPath = platformRepoEntityPath(governed);
  const origin = entity.metadata.annotations?.[ANNOTATION_ORIGIN_LOCATION];
  const path = platformRepoEntityPath(entity);
  if (
    !governedOrigin ||
    !governedPath ||
    !origin ||
    !path ||
    !governedOrigin.endsWith(`/${governedPath}`)
  ) {
    return false;
  }
  const base = governedOrigin.slice(0, -governedPath.length);
  return origin === `${base}${path}`;
}

/** The name a tenant namespace's spec.cluster refers to, as the provider reads it. */
function refName(ref: unknown): string | undefined {
  if (typeof ref !== 'string') {
    return undefined;
  }
  try {
    return parseEntityRef(ref, {
      defaultKind: 'resource',
      defaultNamespace: GOVERNED_NAMESPACE,
    }).name;
  } catch {
    return undefined;
  }
}
