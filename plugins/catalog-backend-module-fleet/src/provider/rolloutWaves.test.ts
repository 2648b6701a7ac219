// The shared validation corpus; fleet-common has no test-utils entry point for it yet.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { clusterProfile } from '@fleet-portal/plugin-fleet-common/src/__fixtures__/corpus';
import { stringify } from 'yaml';
import {
  clusterPath,
  clusterYaml,
  profilePath,
  profileYaml,
} from '../__testUtils__/platformRepo';
import { formatFileError, readPlatformRepo } from './readPlatformRepo';

const WAVES = {
  waves: [
    { name: 'canary', gate: { soakDays: 5 } },
    { name: 'production-east' },
  ],
};

function profileWithWaves(): string {
  return stringify({
    ...clusterProfile,
    metadata: { name: 'production' },
    spec: { ...clusterProfile.spec, rollout: WAVES },
  });
}

function clusterInWave(name: string, wave: string, podCidr: string): string {
  return `${clusterYaml(name, {
    podCidr,
  })}  rollout:\n    wave: ${wave}\n    versionSince: "2026-11-28"\n`;
}

describe('cluster waves against their profile', () => {
  it('accepts clusters in the profile’s waves and clusters without a wave', async () => {
    const { entities, errors } = await readPlatformRepo([
      { path: profilePath('production'), content: profileWithWaves() },
      {
        path: clusterPath('prd-euw1-a-01'),
        content: clusterInWave('prd-euw1-a-01', 'canary', '10.64.0.0/16'),
      },
      {
        path: clusterPath('prd-euw1-b-01'),
        content: clusterYaml('prd-euw1-b-01'),
      },
    ]);
    expect(errors).toEqual([]);
    expect(entities).toHaveLength(3);
  });

  it('skips a cluster whose wave its profile does not define, saying so at the file', async () => {
    const { entities, errors } = await readPlatformRepo([
      { path: profilePath('production'), content: profileWithWaves() },
      {
        path: clusterPath('prd-euw1-a-01'),
        content: clusterInWave(
          'prd-euw1-a-01',
          'production-north',
          '10.64.0.0/16',
        ),
      },
      {
        path: clusterPath('prd-euw1-b-01'),
        content: clusterInWave(
          'prd-euw1-b-01',
          'production-east',
          '10.65.0.0/16',
        ),
      },
    ]);
    expect(entities.map(e => e.entity.metadata.name)).toEqual([
      'prd-euw1-b-01',
      'production',
    ]);
    expect(errors.map(formatFileError)).toEqual([
      'clusters/prd-euw1-a-01/cluster.yaml: spec.rollout.wave: production-north is not a wave of profile production (its waves: canary, production-east)',
    ]);
  });

  it('names a profile that defines no waves', async () => {
    const { errors } = await readPlatformRepo([
      { path: profilePath('production'), content: profileYaml('production') },
      {
        path: clusterPath('prd-euw1-a-01'),
        content: clusterInWave('prd-euw1-a-01', 'canary', '10.64.0.0/16'),
      },
    ]);
    expect(errors.map(formatFileError)).toEqual([
      'clusters/prd-euw1-a-01/cluster.yaml: spec.rollout.wave: canary is not a wave of profile production: the profile defines no waves (spec.rollout.waves); remove the wave or add it to the profile',
    ]);
  });

  it('reports a duplicate wave in the profile file on its line', async () => {
    const content = stringify({
      ...clusterProfile,
      metadata: { name: 'production' },
      spec: {
        ...clusterProfile.spec,
        rollout: { waves: [{ name: 'canary' }, { name: 'canary' }] },
      },
    });
    const { errors } = await readPlatformRepo([
      { path: profilePath('production'), content },
    ]);
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBeGreaterThan(1);
    expect(errors[0].message).toBe(
      'spec.rollout.waves[1].name: the wave canary is listed more than once',
    );
  });
});
