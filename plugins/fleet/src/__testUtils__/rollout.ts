import type {
  RolloutCluster,
  RolloutGate,
  RolloutList,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import type { RolloutApi } from '../api/RolloutApi';

export function rolloutCluster(
  name: string,
  overrides: Partial<RolloutCluster> = {},
): RolloutCluster {
  return {
    entityRef: `resource:default/${name}`,
    name,
    title: `${name} title`,
    ownerRef: 'group:default/team-payments',
    ownerTitle: 'Payments Team',
    version: '3.1.0',
    onTarget: false,
    versionAllowed: true,
    versionSince: '2026-07-01',
    healthNow: 'ok',
    ...overrides,
  };
}

export function canaryGate(overrides: Partial<RolloutGate> = {}): RolloutGate {
  return {
    wave: 'canary',
    verdict: 'open',
    reason: 'canary: 2 of 2 on 3.2.0, healthy for 6 d of 5 d — open',
    evidence: {
      wave: 'canary',
      targetVersion: '3.2.0',
      soakDays: 5,
      allowedStatuses: ['ok'],
      clusters: 2,
      onTarget: 2,
      healthyDays: 6.4,
      leastSoakedCluster: 'prd-aps1-search-01',
      windowStart: '2026-11-30T00:00:00Z',
      windowEnd: '2026-12-06T10:00:00Z',
      periods: [],
      signals: ['apiserver', 'certificates'],
      sources: [{ name: 'central', status: 'up' }],
      queries: 2,
      evaluatedAt: '2026-12-06T10:00:00Z',
    },
    ...overrides,
  };
}

/** The demo's production 3.2.0 rollout: canary done and soaked, production-east next, west behind. */
export function rolloutView(overrides: Partial<RolloutView> = {}): RolloutView {
  const gate = canaryGate();
  return {
    profileRef: 'clusterprofile:default/production',
    profileName: 'production',
    profileTitle: 'Production',
    targetVersion: '3.2.0',
    allowedVersions: ['3.1.0'],
    waves: [
      {
        name: 'canary',
        position: 0,
        gateSpec: { soakDays: 5, allowedStatuses: ['ok'] },
        clusters: [
          rolloutCluster('prd-euw1-platform-01', {
            ownerRef: 'group:default/platform-team',
            ownerTitle: 'Platform Team',
            version: '3.2.0',
            onTarget: true,
            versionSince: '2026-11-30',
            worstSinceMoved: 'ok',
            healthyDays: 6.4,
          }),
          rolloutCluster('prd-aps1-search-01', {
            ownerRef: 'group:default/team-search',
            ownerTitle: 'Search Team',
            version: '3.2.0',
            onTarget: true,
            versionSince: '2026-11-30',
            worstSinceMoved: 'ok',
            healthyDays: 6.4,
          }),
        ],
        total: 2,
        onTarget: 2,
        complete: true,
        gate,
      },
      {
        name: 'production-east',
        position: 1,
        gateSpec: { soakDays: 3 },
        clusters: [
          rolloutCluster('prd-use1-payments-01'),
          rolloutCluster('prd-use1-data-01', {
            ownerRef: 'group:default/team-data',
            ownerTitle: 'Data Team',
          }),
        ],
        total: 2,
        onTarget: 0,
        complete: false,
        gate: {
          ...canaryGate(),
          wave: 'production-east',
          verdict: 'closed',
          reason: 'production-east: 0 of 2 on 3.2.0 — closed',
          // closed by its versions alone: no history read
          evidence: {
            ...canaryGate().evidence,
            wave: 'production-east',
            onTarget: 0,
            healthyDays: undefined,
            leastSoakedCluster: undefined,
            windowStart: undefined,
            signals: [],
            sources: [],
            queries: 0,
          },
        },
      },
      {
        name: 'production-west',
        position: 2,
        clusters: [
          rolloutCluster('prd-euw1-checkout-01', {
            version: '3.0.0',
            versionAllowed: false,
            ownerTitle: 'Checkout Team',
            ownerRef: 'group:default/team-checkout',
          }),
        ],
        total: 1,
        onTarget: 0,
        complete: false,
      },
    ],
    nextWave: 'production-east',
    gate,
    promotable: true,
    summary:
      'production-east may be promoted: canary: 2 of 2 on 3.2.0, healthy for 6 d of 5 d — open',
    generatedAt: '2026-12-06T10:00:00Z',
    ...overrides,
  };
}

export function rolloutList(): RolloutList {
  return {
    items: [
      {
        profileRef: 'clusterprofile:default/production',
        profileName: 'production',
        profileTitle: 'Production',
        targetVersion: '3.2.0',
        inRollout: true,
        waves: [
          { name: 'canary', total: 2, onTarget: 2, complete: true },
          { name: 'production-east', total: 2, onTarget: 0, complete: false },
          { name: 'production-west', total: 2, onTarget: 1, complete: false },
        ],
        nextWave: 'production-east',
        clusters: 6,
        onTarget: 3,
      },
      {
        profileRef: 'clusterprofile:default/edge',
        profileName: 'edge',
        profileTitle: 'Edge',
        targetVersion: '1.3.0',
        inRollout: false,
        waves: [{ name: 'unassigned', total: 3, onTarget: 3, complete: true }],
        clusters: 3,
        onTarget: 3,
      },
    ],
    generatedAt: '2026-12-06T10:00:00Z',
  };
}

export function mockRolloutApi(
  overrides: Partial<RolloutApi> = {},
): jest.Mocked<RolloutApi> {
  return {
    listRollouts: jest.fn(),
    getRollout: jest.fn(),
    ...overrides,
  } as jest.Mocked<RolloutApi>;
}
