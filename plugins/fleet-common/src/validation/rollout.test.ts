import type { Entity } from '@backstage/catalog-model';
import { clusterProfile, governedCluster } from '../__fixtures__/corpus';
import type { ClusterEntity, ClusterProfileEntity } from '../types';
import { validateClusterFleetFields } from './cluster';
import { validateClusterProfile } from './profile';
import {
  checkClusterWave,
  gateAllowedStatuses,
  parseVersionSince,
  rolloutWaveOrder,
} from './rollout';

function profileWith(rollout: unknown): ClusterProfileEntity {
  return {
    ...clusterProfile,
    spec: { ...clusterProfile.spec, rollout },
  } as unknown as ClusterProfileEntity;
}

function clusterWith(rollout: unknown): ClusterEntity {
  return {
    ...governedCluster,
    spec: { ...governedCluster.spec, rollout },
  } as unknown as ClusterEntity;
}

const waves = {
  waves: [
    { name: 'canary', gate: { soakDays: 5, allowedStatuses: ['ok'] } },
    { name: 'production-east', gate: { soakDays: 3 } },
    { name: 'production-west' },
  ],
};

describe('profile spec.rollout', () => {
  it('accepts ordered waves with gates', () => {
    expect(validateClusterProfile(profileWith(waves))).toEqual([]);
  });

  it('names a wave listed twice', () => {
    const rollout = {
      waves: [{ name: 'canary' }, { name: 'east' }, { name: 'canary' }],
    };
    expect(validateClusterProfile(profileWith(rollout))).toEqual([
      {
        path: 'spec.rollout.waves[2].name',
        message:
          'spec.rollout.waves[2].name: the wave canary is listed more than once',
      },
    ]);
  });

  it('refuses the reserved name unassigned and names that are not labels', () => {
    const rollout = { waves: [{ name: 'unassigned' }, { name: 'Canary 1' }] };
    expect(
      validateClusterProfile(profileWith(rollout)).map(i => i.message),
    ).toEqual([
      'spec.rollout.waves[0].name: unassigned is the implicit last wave of clusters that name no wave; give this wave another name',
      'spec.rollout.waves[1].name: "Canary 1" is not a wave name: use lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
    ]);
  });

  it.each([
    [{ waves: [] }, 'spec.rollout.waves: must NOT have fewer than 1 items'],
    [
      { waves: [{ name: 'canary', gate: {} }] },
      'spec.rollout.waves[0].gate.soakDays: is required',
    ],
    [
      { waves: [{ name: 'canary', gate: { soakDays: -1 } }] },
      'spec.rollout.waves[0].gate.soakDays',
    ],
    [
      {
        waves: [
          {
            name: 'canary',
            gate: { soakDays: 5, allowedStatuses: ['critical'] },
          },
        ],
      },
      'spec.rollout.waves[0].gate.allowedStatuses[0]: must be one of ok, warning (got "critical")',
    ],
    [{ waves: [{ name: 'canary', soak: 5 }] }, 'spec.rollout.waves[0].soak'],
  ])('refuses a malformed rollout %j', (rollout, message) => {
    const messages = validateClusterProfile(profileWith(rollout)).map(
      i => i.message,
    );
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('; ')).toContain(message);
  });
});

describe('cluster spec.rollout', () => {
  it('accepts a wave and a date or an instant as versionSince', () => {
    for (const versionSince of ['2026-11-28', '2026-11-28T09:30:00Z']) {
      expect(
        validateClusterFleetFields(
          clusterWith({ wave: 'canary', versionSince }),
        ),
      ).toEqual([]);
    }
  });

  it.each([
    ['2026-02-30', 'a date that does not exist'],
    ['2026-11-28T09:30:00', 'an instant without a time zone'],
    ['last tuesday', 'words'],
  ])('refuses versionSince %s (%s)', versionSince => {
    expect(validateClusterFleetFields(clusterWith({ versionSince }))).toEqual([
      {
        path: 'spec.rollout.versionSince',
        message: `spec.rollout.versionSince: "${versionSince}" is neither a date (YYYY-MM-DD) nor an instant with a time zone (e.g. 2026-11-28T09:30:00Z)`,
      },
    ]);
  });

  it('refuses unknown fields and a wave that is not a label', () => {
    expect(
      validateClusterFleetFields(clusterWith({ group: 'canary' })).map(
        i => i.message,
      ),
    ).toEqual([
      'spec.rollout.group: unknown field (allowed: wave, versionSince)',
    ]);
    expect(
      validateClusterFleetFields(clusterWith({ wave: 'Canary' })).map(
        i => i.message,
      ),
    ).toEqual([
      'spec.rollout.wave: "Canary" is not a wave name: use lower-case letters, digits and "-", starting and ending with a letter or digit, at most 63 characters',
    ]);
  });
});

describe('checkClusterWave', () => {
  it('accepts a wave of the profile and a cluster without a wave', () => {
    expect(
      checkClusterWave(clusterWith({ wave: 'canary' }), profileWith(waves)),
    ).toEqual([]);
    expect(
      checkClusterWave(clusterWith(undefined), profileWith(waves)),
    ).toEqual([]);
  });

  it('names the profile and its waves when the wave is not one of them', () => {
    const profileName = (clusterProfile as Entity).metadata.name;
    expect(
      checkClusterWave(clusterWith({ wave: 'north' }), profileWith(waves)),
    ).toEqual([
      {
        path: 'spec.rollout.wave',
        message: `spec.rollout.wave: north is not a wave of profile ${profileName} (its waves: canary, production-east, production-west)`,
      },
    ]);
    expect(
      checkClusterWave(clusterWith({ wave: 'north' }), profileWith(undefined)),
    ).toEqual([
      {
        path: 'spec.rollout.wave',
        message: `spec.rollout.wave: north is not a wave of profile ${profileName}: the profile defines no waves (spec.rollout.waves); remove the wave or add it to the profile`,
      },
    ]);
  });
});

describe('rollout helpers', () => {
  it('orders the waves as the profile lists them, unassigned last', () => {
    expect(rolloutWaveOrder(profileWith(waves))).toEqual([
      'canary',
      'production-east',
      'production-west',
      'unassigned',
    ]);
    expect(rolloutWaveOrder(profileWith(undefined))).toEqual(['unassigned']);
  });

  it('always allows ok, and only what the gate lists besides', () => {
    expect(gateAllowedStatuses({})).toEqual(['ok']);
    expect(gateAllowedStatuses({ allowedStatuses: ['warning'] })).toEqual([
      'ok',
      'warning',
    ]);
  });

  it('reads versionSince as the start of the day (UTC) or as the instant', () => {
    expect(parseVersionSince('2026-11-28')?.toISOString()).toBe(
      '2026-11-28T00:00:00.000Z',
    );
    expect(parseVersionSince('2026-11-28T10:30:00+01:00')?.toISOString()).toBe(
      '2026-11-28T09:30:00.000Z',
    );
  });
});
