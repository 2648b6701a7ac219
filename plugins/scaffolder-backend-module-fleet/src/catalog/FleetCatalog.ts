import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  GroupEntity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterProfileEntity,
  isClusterProfileEntity,
  NAMESPACE_SPEC_TYPE,
} from '@fleet-portal/plugin-fleet-common';

/**
 * The catalog reads of a request, always with the requesting user's credentials, so
 * a user never learns about entities the catalog would not show them.
 */
export class FleetCatalog {
  constructor(private readonly catalog: CatalogService) {}

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
        defaultNamespace: 'default',
      });
    } catch {
      return undefined;
    }
    return this.catalog.getEntityByRef(parsed, { credentials });
  }

  async cluster(ref: string, credentials: BackstageCredentials) {
    return this.entity(ref, 'resource', credentials);
  }

  async profile(
    ref: string,
    credentials: BackstageCredentials,
  ): Promise<ClusterProfileEntity | undefined> {
    const entity = await this.entity(ref, 'clusterprofile', credentials);
    return entity && isClusterProfileEntity(entity) ? entity : undefined;
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

  /** Tenant namespace entities for this Kubernetes namespace name on the cluster. */
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
      if (typeof ref !== 'string') {
        return false;
      }
      try {
        return (
          stringifyEntityRef(
            parseEntityRef(ref, {
              defaultKind: 'resource',
              defaultNamespace: item.metadata.namespace ?? 'default',
            }),
          ) === clusterRef
        );
      } catch {
        return false;
      }
    });
  }
}
