import {
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { randomUUID } from 'node:crypto';
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
import { LifecycleIndex } from '../lifecycle/LifecycleIndex';

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
  // Component names: which health signals apply to its clusters (e.g. Calico's, not Cilium's).
  'spec.components',
  // The pinned Kubernetes version and range, for the health view's version drift.
  'spec.kubernetes',
  // The waves and gates of the rollout views.
  'spec.rollout',
  'metadata.title',
];

/** What one principal may see of the catalog, as read for the lifecycle views. */
type CatalogView = { clusters: Entity[]; profiles: Entity[] };

/** A view as kept in the cache service: its identity and when it was stored. */
type CachedView = CatalogView & { id: string; storedAt: number };

/** How many principals' indexes a process keeps at once. */
const MAX_INDEXES = 16;

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
  /** Judges the governance of some of `clusters` against all of them (each cluster once). */
  judge: GovernanceJudge;
  /** The same clusters indexed for the lifecycle API. */
  index: LifecycleIndex;
};

/**
 * Reads the clusters and profiles a principal can see and judges them. Each principal's view is
 * kept in the cache service (shared by replicas); each process indexes a view once and reuses
 * the index until the view expires, without decoding it again.
 */
export class FleetInventory {
  private readonly parseCidr: CidrParser = memoizedCidrParser();
  /** Reads under way, so that concurrent requests of one principal share a single read. */
  private readonly pending = new Map<string, Promise<CachedView>>();
  /** Per principal: the index of their cached view, until that view expires. */
  private readonly indexes = new Map<
    string,
    { id: string; expiresAt: number; index: Promise<LifecycleIndex> }
  >();

  constructor(
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly options: FleetInventoryOptions,
  ) {}

  async snapshot(credentials: BackstageCredentials): Promise<FleetSnapshot> {
    const index = await this.lifecycle(credentials);
    return {
      today: index.today,
      clusters: index.clusters as ClusterRecord[],
      judge: index.judge,
      index,
    };
  }

  /** The principal's view of the fleet, judged and indexed for the lifecycle API. */
  async lifecycle(credentials: BackstageCredentials): Promise<LifecycleIndex> {
    const today = calendarDateOf(this.clock.now());
    const cache = this.options.cache;
    const key = principalKey(credentials);
    if (!cache || cache.ttlMs <= 0 || !key) {
      return this.indexOf(await this.readCatalog(credentials), today);
    }
    const local = this.indexes.get(key);
    if (local && Date.now() < local.expiresAt) {
      const index = await local.index;
      if (index.today === today) return index;
    }
    const view = await this.cachedView(key, credentials, cache);
    if (local?.id === view.id && view.id) {
      const index = await local.index;
      if (index.today === today) {
        local.expiresAt = view.storedAt + cache.ttlMs;
        return index;
      }
    }
    const index = Promise.resolve(this.indexOf(view, today));
    if (view.id) {
      this.indexes.delete(key);
      if (this.indexes.size >= MAX_INDEXES) {
        this.indexes.delete(this.indexes.keys().next().value!);
      }
      this.indexes.set(key, {
        id: view.id,
        expiresAt: view.storedAt + cache.ttlMs,
        index,
      });
    }
    return index;
  }

  private indexOf(view: CatalogView, today: string): LifecycleIndex {
    const records = buildClusterRecords(
      view.clusters,
      view.profiles,
      today,
      this.options.origins,
    );
    return new LifecycleIndex(
      records,
      today,
      governanceJudge(records, today, this.parseCidr),
    );
  }

  private async cachedView(
    key: string,
    credentials: BackstageCredentials,
    cache: NonNullable<FleetInventoryOptions['cache']>,
  ): Promise<CachedView> {
    const cached = (await cache.service.get(key)) as CachedView | undefined;
    if (cached) {
      return cached;
    }
    let read = this.pending.get(key);
    if (!read) {
      read = this.readCatalog(credentials).then(async view => {
        // An empty view is what a backend sees before the catalog's first ingestion;
        // caching it would hide the fleet (and show its metrics as unregistered) for a
        // whole snapshot time. Reading an empty catalog again is cheap.
        if (view.clusters.length === 0 && view.profiles.length === 0) {
          return { ...view, id: '', storedAt: Date.now() };
        }
        const stored: CachedView = {
          ...view,
          id: randomUUID(),
          storedAt: Date.now(),
        };
        await cache.service.set(key, stored as any, { ttl: cache.ttlMs });
        return stored;
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
