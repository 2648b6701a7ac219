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
      // The copy this instance decoded or produced stands for the cache entry until that expires.
      if (this.decoded && Date.now() < this.decoded.expiresAt) {
        return this.decoded.round;
      }
      const cached = (await this.deps.cache.get(ROUND_KEY)) as
        | EncodedRound
        | undefined;
      if (cached) {
        this.decoded = {
          round: decodeRound(cached),
          expiresAt: cached.storedAt + ttlMs,
        };
        return this.decoded.round;
      }
    }
    if (!this.pending) {
      this.pending = runMetricsRound(
        this.config,
        this.signals,
        this.clients,
        this.deps.clock.now(),
      ).then(async round => {
        if (ttlMs > 0) {
          const encoded = encodeRound(round, Date.now());
          await this.deps.cache.set(ROUND_KEY, encoded as any, { ttl: ttlMs });
          this.decoded = { round, expiresAt: encoded.storedAt + ttlMs };
        }
        return round;
      });
      this.pending
        .finally(() => {
          this.pending = undefined;
        })
        .catch(() => {});
    }
    return this.pending;
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
