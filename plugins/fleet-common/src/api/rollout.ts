// The rollout API of the fleet backend (plugin id `fleet`), shared by the backend that serves it,
// the promote action that re-checks it, and the frontend that shows it. Times are ISO 8601 instants
// (UTC); a calendar date YYYY-MM-DD in versionSince means the start of that day (UTC).
//
//   GET /rollouts             RolloutList   every governed profile, with its progress per wave
//   GET /rollouts/:profile    RolloutView   one profile (`:profile` = the profile's entity name)
// Both need the permission fleet.health.read (the view is health data about clusters). Promoting a
// wave (the scaffolder action fleet:rollout:promote) needs fleet.rollout.promote as well.
//
// A gate is judged from the metrics history: one range query per wave and signal over the soak
// window, restricted to the wave's clusters, never one per cluster. It is never `open` on missing
// data: a source that is down or a series that is missing makes it `unknown`.

import type { HealthStatus } from './health';

/** The implicit last wave of clusters that name none (`spec.rollout.wave` absent). */
export const UNASSIGNED_WAVE = 'unassigned';

/** Health statuses a gate may allow while a wave soaks; `ok` is always among them. */
export type RolloutAllowedStatus = 'ok' | 'warning';

export const ROLLOUT_ALLOWED_STATUSES: readonly RolloutAllowedStatus[] = [
  'ok',
  'warning',
];

/** A gate as the profile writes it (`spec.rollout.waves[].gate`). */
export type RolloutGateSpec = {
  /** How long every cluster of the wave must have run the target version within the allowed statuses. */
  soakDays: number;
  /** Default `[ok]`. */
  allowedStatuses?: RolloutAllowedStatus[];
};

/** A wave as the profile writes it (`spec.rollout.waves[]`); the gate guards promotion of the NEXT wave. */
export type ProfileRolloutWave = {
  /** DNS-1123 label, unique within the profile, never `unassigned`. */
  name: string;
  gate?: RolloutGateSpec;
};

/** `spec.rollout` of a ClusterProfile: the waves in promotion order. */
export type ProfileRollout = {
  waves: ProfileRolloutWave[];
};

/** `spec.rollout` of a cluster. */
export type ClusterRollout = {
  /** One of its profile's waves; absent means the implicit last wave `unassigned`. */
  wave?: string;
  /** When `profileVersion` last changed (date or instant); set by the promote action. */
  versionSince?: string;
};

export type RolloutGateVerdict = 'open' | 'closed' | 'unknown';

/** A stretch of time in which a cluster was outside the gate's allowed statuses, or had no data. */
export type RolloutGatePeriod = {
  cluster: string;
  /** `unknown` = no data (source down, series missing or a gap). */
  status: HealthStatus;
  /** The signal that decided the status, when one did. */
  signal?: string;
  start: string;
  end: string;
};

/** What a gate's verdict rests on. */
export type RolloutGateEvidence = {
  wave: string;
  targetVersion: string;
  soakDays: number;
  allowedStatuses: RolloutAllowedStatus[];
  clusters: number;
  onTarget: number;
  /** Days the least-soaked cluster has been on the target version within the allowed statuses; absent when unknown. */
  healthyDays?: number;
  /** The cluster `healthyDays` is about. */
  leastSoakedCluster?: string;
  /** The window the history was read over. */
  windowStart?: string;
  windowEnd: string;
  /** Periods outside the allowed statuses (or without data) inside the window, worst first. */
  periods: RolloutGatePeriod[];
  /** Signals and metrics sources read, with the number of range queries sent. */
  signals: string[];
  sources: Array<{
    name: string;
    status: 'up' | 'degraded' | 'down';
    message?: string;
  }>;
  queries: number;
  evaluatedAt: string;
};

/** The judged gate of a wave: whether the next wave may be promoted. */
export type RolloutGate = {
  wave: string;
  verdict: RolloutGateVerdict;
  /** In words, e.g. "canary: 3 of 3 on 3.2.0, healthy for 6 d of 5 d — open". */
  reason: string;
  evidence: RolloutGateEvidence;
};

/** One cluster of a wave. */
export type RolloutCluster = {
  entityRef: string;
  name: string;
  title?: string;
  ownerRef?: string;
  ownerTitle?: string;
  /** `spec.profileVersion`. */
  version?: string;
  onTarget: boolean;
  /** Whether `version` is the profile's version or one of its allowedVersions. */
  versionAllowed: boolean;
  /** `spec.rollout.versionSince`, or `spec.lifetime.created` when absent. */
  versionSince?: string;
  /** Health status in the latest fleet snapshot; `unknown` when there is none. */
  healthNow: HealthStatus;
  /** Worst status since it moved to its version (within the gate's window); absent when not read. */
  worstSinceMoved?: HealthStatus;
  /** Days on its version within the allowed statuses, up to now; absent when not read. */
  healthyDays?: number;
};

/** One wave with its clusters, in promotion order. */
export type RolloutWave = {
  name: string;
  /** 0-based place in the order; `unassigned` is last. */
  position: number;
  /** The gate as the profile writes it; absent for a wave without one and for `unassigned`. */
  gateSpec?: RolloutGateSpec;
  clusters: RolloutCluster[];
  total: number;
  onTarget: number;
  /** Every cluster is on the target version (true for an empty wave). */
  complete: boolean;
  /** The judged gate after this wave (guards the next); absent for the last wave. */
  gate?: RolloutGate;
};

/** GET /rollouts/:profile */
export type RolloutView = {
  profileRef: string;
  profileName: string;
  profileTitle?: string;
  /** The profile's `spec.version`. */
  targetVersion: string;
  allowedVersions: string[];
  waves: RolloutWave[];
  /** The first wave not fully on the target version; absent when the rollout is done. */
  nextWave?: string;
  /** The gate guarding `nextWave` (that of the wave before it); absent when nextWave is the first wave or there is none. */
  gate?: RolloutGate;
  /** Whether `nextWave` may be promoted now: it is the first wave, or the gate before it is open. */
  promotable: boolean;
  /** In words, e.g. "production-east may be promoted: canary: 3 of 3 on 3.2.0, healthy for 6 d of 5 d — open". */
  summary: string;
  generatedAt: string;
};

/** A profile's progress per wave, without clusters and gates (GET /rollouts). */
export type RolloutProgress = {
  profileRef: string;
  profileName: string;
  profileTitle?: string;
  targetVersion: string;
  /** Whether some governed cluster of the profile is not on the target version. */
  inRollout: boolean;
  waves: Array<{
    name: string;
    total: number;
    onTarget: number;
    complete: boolean;
  }>;
  nextWave?: string;
  clusters: number;
  onTarget: number;
};

/** GET /rollouts */
export type RolloutList = {
  items: RolloutProgress[];
  generatedAt: string;
};
