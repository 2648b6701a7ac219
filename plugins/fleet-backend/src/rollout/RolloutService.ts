import { AuthService, CacheService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ClusterProfileEntity,
  HealthStatus,
  isGovernedCluster,
  parseVersionSince,
  RolloutCluster,
  RolloutGate,
  RolloutList,
  RolloutProgress,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import { Clock } from '../clock';
import { clusterHealth } from '../health/fleetSnapshot';
import { toHealthCluster } from '../health/healthCatalog';
import { HealthService } from '../health/HealthService';
import { ClusterRecord } from '../lifecycle/clusterRecords';
import { refKey } from '../lifecycle/refs';
import { FleetInventory } from '../service/FleetInventory';
import { evaluateGate, GateCluster } from './evaluateGate';
import { groupWaves, nextStep, rolloutWave, WaveMembers } from './waves';

const DEFAULT_CACHE_SECONDS = 30;

export type RolloutServiceOptions = {
  inventory: FleetInventory;
  /** Absent when no metrics source is configured: every gate with a soak is then unknown. */
  health?: HealthService;
  auth: AuthService;
  catalog: CatalogService;
  cache: CacheService;
  clock: Clock;
};

/** A governed cluster of a profile, with what the rollout view shows of it. */
type Member = { record: ClusterRecord; wave?: string };

/**
 * Profile rollouts: each governed profile's clusters by wave, judged against the profile's version,
 * with each wave's gate judged from the metrics history (evaluateGate). Views are computed from the
 * whole governed fleet — a gate must weigh every cluster of its wave, whoever asks — and kept in
 * the cache service for the health round's lifetime, so replicas serve the same verdict and the
 * metrics store sees one set of range queries per profile and period.
 */
export class RolloutService {
  private readonly pending = new Map<string, Promise<RolloutView>>();

  constructor(private readonly options: RolloutServiceOptions) {}

  private get ttlMs(): number {
    return (
      (this.options.health?.config.cacheSeconds ?? DEFAULT_CACHE_SECONDS) * 1000
    );
  }

  /** Range queries sent for gates so far (tests and benchmarks): the health clients' count. */
  get upstreamRequests(): number {
    return this.options.health?.upstreamRequests ?? 0;
  }

  /** The governed clusters of the fleet, grouped by their (governed) profile. */
  private async governedByProfile(): Promise<
    Map<string, { profile: ClusterProfileEntity; members: Member[] }>
  > {
    const credentials = await this.options.auth.getOwnServiceCredentials();
    const { clusters } = await this.options.inventory.snapshot(credentials);
    const byProfile = new Map<
      string,
      { profile: ClusterProfileEntity; members: Member[] }
    >();
    for (const record of clusters) {
      if (!record.fromPlatformRepository || !record.profile) continue;
      if (!isGovernedCluster(record.entity)) continue;
      const key = record.profile.metadata.name;
      const entry = byProfile.get(key) ?? {
        profile: record.profile,
        members: [],
      };
      entry.members.push({ record, wave: record.entity.spec.rollout?.wave });
      byProfile.set(key, entry);
    }
    return byProfile;
  }

  /** GET /rollouts: every governed profile with clusters, its progress per wave (no gates). */
  async list(): Promise<RolloutList> {
    const byProfile = await this.governedByProfile();
    const items: RolloutProgress[] = [...byProfile.values()].map(
      ({ profile, members }) => {
        const target = profile.spec.version;
        const waves = groupWaves(profile, members, m => m.wave).map(w => {
          const onTarget = w.members.filter(
            m => m.record.profileVersion === target,
          ).length;
          return {
            name: w.name,
            total: w.members.length,
            onTarget,
            complete: onTarget === w.members.length,
          };
        });
        const onTarget = waves.reduce((n, w) => n + w.onTarget, 0);
        return {
          ...profileHead(profile, target),
          inRollout: onTarget < members.length,
          waves,
          ...(waves.find(w => !w.complete)
            ? { nextWave: waves.find(w => !w.complete)!.name }
            : {}),
          clusters: members.length,
          onTarget,
        };
      },
    );
    items.sort(
      (a, b) =>
        Number(b.inRollout) - Number(a.inRollout) ||
        a.profileName.localeCompare(b.profileName),
    );
    return { items, generatedAt: this.options.clock.now().toISOString() };
  }

  /** GET /rollouts/:profile, from the cache service while the health round lasts. */
  async view(profileName: string): Promise<RolloutView> {
    const key = `fleet-rollout:view:${refKey(profileName)}`;
    const cached = (await this.options.cache.get(key)) as
      | RolloutView
      | undefined;
    if (cached) return cached;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = this.compute(profileName).then(async view => {
        await this.options.cache.set(key, view as any, { ttl: this.ttlMs });
        return view;
      });
      this.pending.set(key, pending);
      pending.finally(() => this.pending.delete(key)).catch(() => {});
    }
    return pending;
  }

  private async compute(profileName: string): Promise<RolloutView> {
    const byProfile = await this.governedByProfile();
    const entry = [...byProfile.values()].find(
      e => refKey(e.profile.metadata.name) === refKey(profileName),
    );
    if (!entry) {
      throw new NotFoundError(
        `No profile ${profileName} with governed clusters: the rollout view shows profiles of the platform repository that clusters are built from`,
      );
    }
    const { profile, members } = entry;
    const target = profile.spec.version;
    const allowed = new Set([target, ...(profile.spec.allowedVersions ?? [])]);
    const now = this.options.clock.now();
    const [owners, healthNow] = await Promise.all([
      this.ownerTitles(members),
      this.healthNow(members),
    ]);
    const grouped = groupWaves(profile, members, m => m.wave);
    const waves = await Promise.all(
      grouped.map(async (wave, index) => {
        const clusters = wave.members.map(m =>
          rolloutCluster(m.record, target, allowed, owners, healthNow),
        );
        const last = index === grouped.length - 1;
        if (last) return { wave, clusters };
        const judged = await this.judge(wave, target, now);
        const soaked = clusters.map(c => ({
          ...c,
          ...withoutUndefined(judged.clusters.get(c.name)),
        }));
        return { wave, clusters: soaked, gate: judged.gate };
      }),
    );
    const rolloutWaves = waves.map(w =>
      rolloutWave(w.wave, w.clusters, w.gate),
    );
    return {
      ...profileHead(profile, target),
      allowedVersions: profile.spec.allowedVersions ?? [],
      waves: rolloutWaves,
      ...nextStep(rolloutWaves, target),
      generatedAt: now.toISOString(),
    };
  }

  private async judge(
    wave: WaveMembers<Member>,
    target: string,
    now: Date,
  ): Promise<{ gate: RolloutGate; clusters: Map<string, object> }> {
    const gateClusters: GateCluster[] = wave.members.map(({ record }) => {
      const since =
        record.entity.spec.rollout?.versionSince ??
        record.entity.spec.lifetime?.created;
      return {
        name: record.name,
        version: record.profileVersion,
        since: since ? parseVersionSince(since) : undefined,
        catalog: toHealthCluster(record),
      };
    });
    const health = this.options.health;
    const spec = wave.gateSpec ?? { soakDays: 0 };
    if (!health && wave.gateSpec) {
      const result = await evaluateGate({
        wave: wave.name,
        targetVersion: target,
        gate: spec,
        clusters: gateClusters,
        signals: [],
        clients: new Map(),
        now,
      });
      if (result.gate.verdict === 'closed') return result;
      return {
        gate: {
          ...result.gate,
          verdict: 'unknown',
          reason: `${wave.name}: fleet health is not configured (fleet.health.sources), so the soak cannot be judged — unknown`,
        },
        clusters: new Map(),
      };
    }
    return evaluateGate({
      wave: wave.name,
      targetVersion: target,
      gate: spec,
      clusters: gateClusters,
      signals: wave.gateSpec ? health!.signals : [],
      clients: health?.clients ?? new Map(),
      now,
      withoutSoak: !wave.gateSpec,
    });
  }

  private async ownerTitles(members: Member[]): Promise<Map<string, string>> {
    const refs = [
      ...new Set(members.map(m => m.record.owner).filter(Boolean) as string[]),
    ];
    if (refs.length === 0) return new Map();
    const { items } = await this.options.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'spec.profile.displayName',
        ],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    const titles = new Map<string, string>();
    items.forEach((entity, i) => {
      const title =
        (entity?.spec?.profile as { displayName?: string } | undefined)
          ?.displayName ?? entity?.metadata.title;
      if (title) titles.set(refKey(refs[i]), title);
    });
    return titles;
  }

  /** The status of each member in the current health round; unknown without one. */
  private async healthNow(
    members: Member[],
  ): Promise<Map<string, HealthStatus>> {
    const health = this.options.health;
    const statuses = new Map<string, HealthStatus>();
    if (!health) return statuses;
    const round = await health.round();
    for (const { record } of members) {
      statuses.set(
        record.name,
        clusterHealth(
          record.name,
          toHealthCluster(record),
          health.signals,
          round,
          health.config.maxSampleAgeSeconds,
        ).status,
      );
    }
    return statuses;
  }
}

/** Which profile a rollout is of, and the version it moves to: the head of a list row and of a view. */
function profileHead(profile: ClusterProfileEntity, targetVersion: string) {
  return {
    profileRef: stringifyEntityRef(profile),
    profileName: profile.metadata.name,
    ...(profile.metadata.title ? { profileTitle: profile.metadata.title } : {}),
    targetVersion,
  };
}

function rolloutCluster(
  record: ClusterRecord,
  target: string,
  allowed: ReadonlySet<string>,
  owners: ReadonlyMap<string, string>,
  health: ReadonlyMap<string, HealthStatus>,
): RolloutCluster {
  const version = record.profileVersion;
  const since =
    record.entity.spec.rollout?.versionSince ??
    record.entity.spec.lifetime?.created;
  const ownerTitle = record.owner
    ? owners.get(refKey(record.owner))
    : undefined;
  return {
    entityRef: record.entityRef,
    name: record.name,
    ...(record.title ? { title: record.title } : {}),
    ...(record.owner ? { ownerRef: record.owner } : {}),
    ...(ownerTitle ? { ownerTitle } : {}),
    ...(version ? { version } : {}),
    onTarget: version === target,
    versionAllowed: version !== undefined && allowed.has(version),
    ...(since ? { versionSince: since } : {}),
    healthNow: health.get(record.name) ?? 'unknown',
  };
}

function withoutUndefined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
