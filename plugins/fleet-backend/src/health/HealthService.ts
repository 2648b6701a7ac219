import {
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  ClusterHealthDetail,
  FleetHealthSnapshot,
  HealthHistoryPoint,
  MetricsSourceState,
} from '@fleet-portal/plugin-fleet-common';
import { Clock } from '../clock';
import { LeaseStore } from '../coordination/LeaseStore';
import { HealthConfig } from './config';
import {
  clusterHealth,
  driftOf,
  HealthCatalogCluster,
  labelCoverageOf,
} from './fleetSnapshot';
import { historyStepSeconds, readHistory } from './history';
import { MetricsRound, runMetricsRound } from './metricsRound';
import { PromQLClient } from './promql/PromQLClient';
import { decodeRound, EncodedRound, encodeRound } from './roundCodec';
import { resolveSignals, ResolvedSignal, signalDefinition } from './signals';
import { FleetHealthView } from './views/FleetHealthView';

/** The clusters of the catalog, as a principal sees them and as the plugin itself does. */
export type HealthCatalog = {
  visible(credentials: BackstageCredentials): Promise<HealthCatalogCluster[]>;
  /** Every cluster entity, read as the plugin: decides which reporting clusters are unregistered. */
  all(): Promise<HealthCatalogCluster[]>;
};

const ROUND_KEY = 'fleet-health:round';
const MAX_BUILT = 16;
/** How often a replica waiting for another's round looks for it in the shared cache. */
const ROUND_POLL_MS = 100;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Whose view of the catalog a snapshot was joined with. Within a round the snapshot of a principal
 * is reused: their catalog view is itself cached for as long (fleet.lifecycle.catalogSnapshotSeconds).
 */
function principalKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal?.type === 'user' && principal.userEntityRef) {
    return `user:${principal.userEntityRef}`;
  }
  if (principal?.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  return undefined;
}

function formatRange(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * Fleet health from central metrics. One round of queries (one per signal plus a fixed few) serves
 * the whole fleet; it is kept in the cache service for `cacheSeconds` and concurrent callers share
 * the round under way, so the metrics store sees one round per period whatever the number of users.
 * Across replicas, a lease in the plugin's database (`leases`) lets one replica run the round while
 * the others wait for it in the shared cache: one round per period for all replicas together.
 */
export class HealthService {
  readonly signals: ResolvedSignal[];
  readonly clients: Map<string, PromQLClient>;
  private pending?: Promise<MetricsRound>;
  /** Views built from the current round, per principal (a few principals' worth). */
  private readonly views = new Map<string, FleetHealthView>();
  /** The last decoded round, so that cache hits do not decode the same JSON again. */
  private decoded?: { round: MetricsRound; expiresAt: number };

  constructor(
    readonly config: HealthConfig,
    private readonly deps: {
      cache: CacheService;
      clock: Clock;
      catalog: HealthCatalog;
      /** Shared by the replicas; without it each process runs its own rounds. */
      leases?: LeaseStore;
    },
  ) {
    this.signals = resolveSignals(config);
    this.clients = new Map(
      config.sources.map(source => [source.name, new PromQLClient(source)]),
    );
  }

  /** Requests sent to all sources so far (tests and benchmarks). */
  get upstreamRequests(): number {
    let total = 0;
    for (const client of this.clients.values()) total += client.requests;
    return total;
  }

  async round(): Promise<MetricsRound> {
    const ttlMs = this.config.cacheSeconds * 1000;
    if (ttlMs > 0) {
      const stored = await this.storedRound(ttlMs);
      if (stored) return stored;
    }
    if (!this.pending) {
      this.pending = this.sharedRound(ttlMs);
      this.pending
        .finally(() => {
          this.pending = undefined;
        })
        .catch(() => {});
    }
    return this.pending;
  }

  /** The round in the shared cache, if one is there (decoded once per process). */
  private async storedRound(ttlMs: number): Promise<MetricsRound | undefined> {
    // The copy this instance decoded or produced stands for the cache entry until that expires.
    if (this.decoded && Date.now() < this.decoded.expiresAt) {
      return this.decoded.round;
    }
    const cached = (await this.deps.cache.get(ROUND_KEY)) as
      | EncodedRound
      | undefined;
    if (!cached) return undefined;
    this.decoded = {
      round: decodeRound(cached),
      expiresAt: cached.storedAt + ttlMs,
    };
    return this.decoded.round;
  }

  /**
   * Runs the round on whichever replica takes the lease; the others wait for its result in the
   * shared cache. A holder that dies lets its lease expire and the next waiter takes over; a
   * database that cannot be asked never stops health from answering (the round then runs here).
   */
  private async sharedRound(ttlMs: number): Promise<MetricsRound> {
    const leases = this.deps.leases;
    if (ttlMs <= 0 || !leases) return this.runRound(ttlMs);
    const leaseMs = this.roundLeaseMs();
    const giveUpAt = Date.now() + 2 * leaseMs;
    for (;;) {
      let held: boolean;
      try {
        held = await leases.acquire(ROUND_KEY, leaseMs);
      } catch {
        return this.runRound(ttlMs);
      }
      if (held) {
        try {
          // another replica may have stored its round between our cache miss and the lease
          return (
            (await this.storedRound(ttlMs)) ?? (await this.runRound(ttlMs))
          );
        } finally {
          await leases.release(ROUND_KEY).catch(() => {});
        }
      }
      await sleep(ROUND_POLL_MS);
      const stored = await this.storedRound(ttlMs);
      if (stored) return stored;
      if (Date.now() > giveUpAt) return this.runRound(ttlMs);
    }
  }

  /** Long enough for a round whose every query runs into its source's timeout. */
  private roundLeaseMs(): number {
    const slowest = Math.max(
      ...this.config.sources.map(source => source.timeoutMs),
    );
    return slowest * 2 + 5000;
  }

  private async runRound(ttlMs: number): Promise<MetricsRound> {
    const round = await runMetricsRound(
      this.config,
      this.signals,
      this.clients,
      this.deps.clock.now(),
    );
    if (ttlMs > 0) {
      const encoded = encodeRound(round, Date.now());
      await this.deps.cache.set(ROUND_KEY, encoded as any, { ttl: ttlMs });
      this.decoded = { round, expiresAt: encoded.storedAt + ttlMs };
    }
    return round;
  }

  private settings() {
    return {
      maxSampleAgeSeconds: this.config.maxSampleAgeSeconds,
      cacheSeconds: this.config.cacheSeconds,
      requiredLabels: this.config.labelContract.requiredLabels,
    };
  }

  /** The whole fleet with every verdict (the export; the views ask `view()` for less). */
  async fleet(credentials: BackstageCredentials): Promise<FleetHealthSnapshot> {
    return (await this.view(credentials)).snapshot();
  }

  /** The fleet snapshot as JSON: what the export route sends, serialized once per round and view. */
  async fleetJson(credentials: BackstageCredentials): Promise<string> {
    return (await this.view(credentials)).snapshotJson();
  }

  /**
   * The round joined with a principal's catalog view, judged and indexed once and reused within
   * the round: the summary, pages and grid chunks of a round cost milliseconds. Callers without a
   * principal key get a fresh view.
   */
  async view(credentials: BackstageCredentials): Promise<FleetHealthView> {
    const round = await this.round();
    const roundKey = round.time.toISOString();
    const principal = principalKey(credentials);
    const key = principal && `${roundKey}|${principal}`;
    let view = key ? this.views.get(key) : undefined;
    if (!view) {
      const [visible, all] = await Promise.all([
        this.deps.catalog.visible(credentials),
        this.deps.catalog.all(),
      ]);
      view = new FleetHealthView(
        round,
        this.signals,
        visible,
        new Set(all.map(c => c.name)),
        this.settings(),
      );
      if (key) {
        for (const old of this.views.keys()) {
          if (!old.startsWith(`${roundKey}|`)) this.views.delete(old);
        }
        if (this.views.size >= MAX_BUILT) {
          this.views.delete(this.views.keys().next().value!);
        }
        this.views.set(key, view);
      }
    }
    return view;
  }

  async cluster(
    credentials: BackstageCredentials,
    entityRef: string,
  ): Promise<ClusterHealthDetail> {
    const visible = await this.deps.catalog.visible(credentials);
    const catalog = visible.find(
      c => c.entityRef.toLocaleLowerCase('en-US') === entityRef,
    );
    if (!catalog) {
      throw new NotFoundError(`No cluster ${entityRef}`);
    }
    const round = await this.round();
    const { maxSampleAgeSeconds } = this.config;
    const health = clusterHealth(
      catalog.name,
      catalog,
      this.signals,
      round,
      maxSampleAgeSeconds,
    );
    const { rangeSeconds, maxPoints } = this.config.history;
    const end = this.deps.clock.now();
    const history = await readHistory({
      cluster: catalog.name,
      signals: this.signals,
      clients: this.clients,
      cache: this.deps.cache,
      ttlMs: this.config.cacheSeconds * 1000,
      start: new Date(end.getTime() - rangeSeconds * 1000),
      end,
      stepSeconds: historyStepSeconds(rangeSeconds, maxPoints),
    });
    return {
      ...health,
      generatedAt: round.time.toISOString(),
      sources: withHistoryFailures(round.sources, history.failures),
      signalDefinitions: this.signals.map(signalDefinition),
      history: history.points,
      historyRange: formatRange(rangeSeconds),
      labelCoverage: labelCoverageOf(
        catalog.name,
        round,
        this.config.labelContract.requiredLabels,
      ),
      drift: driftOf(catalog.name, catalog, round),
    };
  }
}

function withHistoryFailures(
  sources: MetricsSourceState[],
  failures: Map<string, string>,
): MetricsSourceState[] {
  return sources.map(source => {
    const failure = failures.get(source.name);
    if (!failure) return source;
    return {
      ...source,
      status: source.status === 'down' ? 'down' : 'degraded',
      message: [source.message, `history: ${failure}`]
        .filter(Boolean)
        .join('; '),
    };
  });
}

export type { HealthHistoryPoint };
