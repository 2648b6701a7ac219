import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  GroupEntity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterProfileEntity,
  GOVERNED_NAMESPACE,
  isClusterEntity,
  isClusterProfileEntity,
  isFromPlatformRepository,
  NAMESPACE_SPEC_TYPE,
  PlatformRepoOrigin,
} from '@fleet-portal/plugin-fleet-common';

/**
 * The catalog reads of a request, always with the requesting user's credentials, so
 * a user never learns about entities the catalog would not show them.
 *
 * Clusters, profiles and tenant namespaces count only when they come from one of the
 * configured platform repositories (`isFromPlatformRepository`): anyone who can register
 * a location can put a cluster or profile YAML in the catalog, and a request must never
 * be decided by one.
 */
export class FleetCatalog {
  constructor(
    private readonly catalog: CatalogService,
    /** The configured platform-repo providers (fleet-node's readPlatformRepoOrigins). */
    private readonly origins: readonly PlatformRepoOrigin[],
  ) {}

  /** The entity, or undefined when it does not exist or the ref is malformed. */
  async entity(
    ref: string,
    defaultKind: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    let parsed;
    try {
      parsed = parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: GOVERNED_NAMESPACE,
      });
    } catch {
      return undefined;
    }
    return this.catalog.getEntityByRef(parsed, { credentials });
  }

  /**
   * The Resource `ref` names (namespace `default` unless the ref names another); a
   * kubernetes-cluster Resource only when it is from the platform repository.
   *
   * @throws NotAllowedError for a cluster that is not from the platform repository
   */
  async cluster(ref: string, credentials: BackstageCredentials) {
    const entity = await this.entity(ref, 'resource', credentials);
    if (entity && isClusterEntity(entity)) {
      this.#assertFromPlatformRepository(entity);
    }
    return entity;
  }

  /**
   * The ClusterProfile `ref` names, when it is one.
   *
   * @throws NotAllowedError for a profile that is not from the platform repository
   */
  async profile(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<ClusterProfileEntity | undefined> {
    const entity = await this.entity(ref, 'clusterprofile', credentials);
    if (!entity || !isClusterProfileEntity(entity)) {
      return undefined;
    }
    this.#assertFromPlatformRepository(entity);
    return entity;
  }

  async group(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<GroupEntity | undefined> {
    const entity = await this.entity(ref, 'group', credentials);
    return entity?.kind.toLocaleLowerCase('en-US') === 'group'
      ? (entity as GroupEntity)
      : undefined;
  }

  /**
   * The platform repository's tenant namespace entities for this Kubernetes namespace name
   * on the cluster; one registered elsewhere neither claims nor blocks a name.
   */
  async tenantNamespaces(
    cluster: Entity,
    namespace: string,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const clusterRef = stringifyEntityRef(cluster);
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'spec.type': NAMESPACE_SPEC_TYPE,
          'spec.namespace': namespace,
        },
      },
      { credentials },
    );
    return items.filter(item => {
      const ref = item.spec?.cluster;
      if (
        typeof ref !== 'string' ||
        !isFromPlatformRepository(item, this.origins)
      ) {
        return false;
      }
      try {
        return (
          stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind: 'resource',
              defaultNamespace: item.metadata.namespace ?? GOVERNED_NAMESPACE,
            }),
          ) === clusterRef
        );
      } catch {
        return false;
      }
    });
  }

  /** Whether the catalog records that the entity came from a configured platform repository. */
  isGoverned(entity: Entity): boolean {
    return isFromPlatformRepository(entity, this.origins);
  }

  /**
   * Every platform-repository tenant namespace on the cluster (`spec.cluster` naming it), e.g.
   * for a team's budget.
   */
  async namespacesOnCluster(
    clusterRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'Resource', 'spec.type': NAMESPACE_SPEC_TYPE } },
      { credentials },
    );
    return items.filter(
      item =>
        isFromPlatformRepository(item, this.origins) &&
        this.#clusterRefOf(item) === clusterRef,
    );
  }

  #clusterRefOf(item: Entity): string | undefined {
    const ref = item.spec?.cluster;
    if (typeof ref !== 'string') {
      return undefined;
    }
    try {
      return stringifyEntityRef(
        parseEntityRef(ref, {
          defaultKind: 'resource',
          defaultNamespace: item.metadata.namespace ?? GOVERNED_NAMESPACE,
        }),
      );
    } catch {
      return undefined;
    }
  }

  #assertFromPlatformRepository(entity: Entity) {
    if (!isFromPlatformRepository(entity, this.origins)) {
      throw new NotAllowedError(
        `${stringifyEntityRef(
          entity,
        )} is not from the platform repository: the catalog records another origin for it, so it is not governed and cannot be acted on`,
      );
    }
  }
}
