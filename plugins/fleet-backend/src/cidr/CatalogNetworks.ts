import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CidrRole,
  CLUSTER_PROFILE_KIND,
  CLUSTER_SPEC_TYPE,
  GOVERNED_NAMESPACE,
  isClusterProfileEntity,
  isFromPlatformRepository,
  parseCidr,
  PlatformRepoOrigin,
  ProfileNetwork,
  PROVENANCE_FIELDS,
} from '@fleet-portal/plugin-fleet-common';
import { Occupant } from './occupancy';

const PAGE_SIZE = 1000;
const CLUSTER_FIELDS = [...PROVENANCE_FIELDS, 'spec.network'];

/** The network of one catalog cluster. */
export type CatalogCluster = {
  entityRef: string;
  name: string;
  podCidr?: string;
  serviceCidr?: string;
};

export type CatalogClusters = {
  clusters: CatalogCluster[];
  /** Every parseable pod and service CIDR, named by the cluster's entity ref. */
  occupants: Occupant[];
};

/**
 * What the allocator needs from the catalog: every cluster's CIDRs and a profile's network. Read
 * as the plugin itself, since an allocation must avoid clusters the requester cannot see.
 *
 * Only the platform repository's clusters and profiles count (`isFromPlatformRepository`): a
 * cluster registered from anywhere else occupies no address space and confirms no reservation,
 * and a profile from anywhere else never supplies pools.
 */
export class CatalogNetworks {
  private cached?: { at: number; read: Promise<CatalogClusters> };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly options: {
      snapshotMs: number;
      /** The configured platform-repo providers (fleet-node's readPlatformRepoOrigins). */
      origins: readonly PlatformRepoOrigin[];
      now?: () => number;
    },
  ) {}

  /** The platform repository's clusters; concurrent and closely following calls share one read. */
  async clusters(): Promise<CatalogClusters> {
    const now = (this.options.now ?? Date.now)();
    if (this.cached && now - this.cached.at < this.options.snapshotMs) {
      return this.cached.read;
    }
    const read = this.readClusters();
    this.cached = { at: now, read };
    read.catch(() => {
      if (this.cached?.read === read) {
        this.cached = undefined;
      }
    });
    return read;
  }

  /** Reads the platform repository's clusters afresh (the reservation sweep wants the current catalog). */
  async readClusters(): Promise<CatalogClusters> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const clusters: CatalogCluster[] = [];
    const occupants: Occupant[] = [];
    for await (const page of this.catalog.streamEntities(
      {
        filter: { kind: 'resource', 'spec.type': CLUSTER_SPEC_TYPE },
        fields: CLUSTER_FIELDS,
        pageSize: PAGE_SIZE,
      },
      { credentials },
    )) {
      for (const entity of page) {
        if (!isFromPlatformRepository(entity, this.options.origins)) {
          continue;
        }
        const cluster = catalogCluster(entity);
        clusters.push(cluster);
        for (const role of ['pod', 'service'] as CidrRole[]) {
          const text = role === 'pod' ? cluster.podCidr : cluster.serviceCidr;
          const parsed = text ? parseCidr(text) : undefined;
          // An unparseable CIDR is the lifecycle view's finding to report; it occupies nothing.
          if (parsed?.ok) {
            occupants.push({
              cidr: parsed.cidr,
              kind: 'cluster',
              name: cluster.entityRef,
              role,
            });
          }
        }
      }
    }
    return { clusters, occupants };
  }

  /**
   * The network of a profile of the platform repository; 404 when there is none, 400 when the
   * ref names another kind or a profile from anywhere else.
   */
  async profileNetwork(
    profileRef: string,
  ): Promise<{ ref: string; network?: ProfileNetwork }> {
    let ref: string;
    try {
      const parsed = parseEntityRef(profileRef, {
        defaultKind: CLUSTER_PROFILE_KIND,
        defaultNamespace: GOVERNED_NAMESPACE,
      });
      if (
        parsed.kind.toLocaleLowerCase('en-US') !==
        CLUSTER_PROFILE_KIND.toLocaleLowerCase('en-US')
      ) {
        throw new Error(
          `it names a ${parsed.kind}, not a ${CLUSTER_PROFILE_KIND}`,
        );
      }
      ref = stringifyEntityRef(parsed);
    } catch (error) {
      throw new InputError(
        `profileRef: ${JSON.stringify(
          profileRef,
        )} is not a ClusterProfile entity ref: ${(error as Error).message}`,
      );
    }
    const entity = await this.catalog.getEntityByRef(ref, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    if (!entity || !isClusterProfileEntity(entity)) {
      throw new NotFoundError(
        `profileRef: no ClusterProfile ${ref} in the catalog`,
      );
    }
    if (!isFromPlatformRepository(entity, this.options.origins)) {
      throw new InputError(
        `profileRef: ${ref} is not from the platform repository (the catalog records another origin for it); CIDRs are allocated only from its profiles' pools`,
      );
    }
    return { ref, network: entity.spec.network };
  }
}

function catalogCluster(entity: Entity): CatalogCluster {
  const network = (entity.spec?.network ?? {}) as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' ? value : undefined;
  return {
    entityRef: stringifyEntityRef(entity),
    name: entity.metadata.name,
    podCidr: text(network.podCidr),
    serviceCidr: text(network.serviceCidr),
  };
}
