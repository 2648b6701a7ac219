import {
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_FLEET_GOVERNED,
  CLUSTER_PROFILE_KIND,
  CLUSTER_SPEC_TYPE,
  PlatformRepoOrigin,
  PROVENANCE_FIELDS,
} from '@fleet-portal/plugin-fleet-common';
import { Clock } from '../clock';
import {
  buildClusterRecords,
  ClusterRecord,
} from '../lifecycle/clusterRecords';
import { CidrParser, memoizedCidrParser } from '../lifecycle/cidrParser';
import { calendarDateOf } from '../lifecycle/dates';
import { GovernanceJudge, governanceJudge } from '../lifecycle/governance';

const PAGE_SIZE = 1000;

/**
 * Only what the lifecycle views read, and what tells whether an entity is from the platform
 * repository; leaves out e.g. CA certificates and relations.
 */
const CLUSTER_FIELDS = [
  ...PROVENANCE_FIELDS,
  'metadata.title',
  `metadata.annotations.${ANNOTATION_FLEET_GOVERNED}`,
  'spec',
];
const PROFILE_FIELDS = [
  ...PROVENANCE_FIELDS,
  'spec.version',
  'spec.allowedVersions',
  'spec.review',
  // The pinned Kubernetes version and range, for the health view's version drift.
  'spec.kubernetes',
];

/** What one principal may see of the catalog, as read for the lifecycle views. */
type CatalogView = { clusters: Entity[]; profiles: Entity[] };

export type FleetInventoryOptions = {
  /**
   * The configured platform-repo providers (fleet-node's readPlatformRepoOrigins): only their
   * clusters are governed and only their profiles are used; any other cluster is shown ungoverned.
   */
  origins: readonly PlatformRepoOrigin[];
  /**
   * Keeps each principal's view of the catalog this long, so that the page, its chart and the
   * next filter do not each re-read the whole fleet. 0 reads the catalog on every request.
   */
  cache?: { service: CacheService; ttlMs: number };
};

export type FleetSnapshot = {
  /** The calendar date (UTC) the statuses were computed for. */
  today: string;
  clusters: ClusterRecord[];
  /** Judges the governance of some of `clusters` against all of them. */
  judge: GovernanceJudge;
};

/** Reads the clusters and profiles a principal can see and judges them. */
export class FleetInventory {
  private readonly parseCidr: CidrParser = memoizedCidrParser();
  /** Reads under way, so that concurrent requests of one principal share a single read. */
  private readonly pending = new Map<string, Promise<CatalogView>>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly options: FleetInventoryOptions,
  ) {}

  async snapshot(credentials: BackstageCredentials): Promise<FleetSnapshot> {
    const { clusters, profiles } = await this.catalogView(credentials);
    const today = calendarDateOf(this.clock.now());
    const records = buildClusterRecords(
      clusters,
      profiles,
      today,
      this.options.origins,
    );
    return {
      today,
      clusters: records,
      judge: governanceJudge(records, today, this.parseCidr),
    };
  }

  private async catalogView(
    credentials: BackstageCredentials,
  ): Promise<CatalogView> {
    const cache = this.options.cache;
    const key = principalKey(credentials);
    if (!cache || cache.ttlMs <= 0 || !key) {
      return this.readCatalog(credentials);
    }
    const cached = (await cache.service.get(key)) as CatalogView | undefined;
    if (cached) {
      return cached;
    }
    let read = this.pending.get(key);
    if (!read) {
      read = this.readCatalog(credentials).then(async view => {
        // An empty view is what a backend sees before the catalog's first ingestion;
        // caching it would hide the fleet (and show its metrics as unregistered) for a
        // whole snapshot time. Reading an empty catalog again is cheap.
        if (view.clusters.length > 0 || view.profiles.length > 0) {
          await cache.service.set(key, view, { ttl: cache.ttlMs });
        }
        return view;
      });
      this.pending.set(key, read);
      read.finally(() => this.pending.delete(key)).catch(() => {});
    }
    return read;
  }

  private async readCatalog(
    credentials: BackstageCredentials,
  ): Promise<CatalogView> {
    const [clusters, profiles] = await Promise.all([
      this.readAll(
        { kind: 'resource', 'spec.type': CLUSTER_SPEC_TYPE },
        CLUSTER_FIELDS,
        credentials,
      ),
      this.readAll({ kind: CLUSTER_PROFILE_KIND }, PROFILE_FIELDS, credentials),
    ]);
    return { clusters, profiles };
  }

  private async readAll(
    filter: Record<string, string>,
    fields: string[],
    credentials: BackstageCredentials,
  ): Promise<Entity[]> {
    const entities: Entity[] = [];
    for await (const page of this.catalog.streamEntities(
      { filter, fields, pageSize: PAGE_SIZE },
      { credentials },
    )) {
      entities.push(...page);
    }
    return entities;
  }
}

/** One cache entry per principal: what the catalog shows depends on who asks. */
function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return `fleet-inventory:user:${principal.userEntityRef}`;
  }
  if (principal.type === 'service' && principal.subject) {
    return `fleet-inventory:service:${principal.subject}`;
  }
  return undefined;
}
