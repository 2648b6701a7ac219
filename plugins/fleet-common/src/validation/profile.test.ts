import { clusterProfile, governedCluster } from '../__fixtures__/corpus';
import {
  clusterProfileEntityV1alpha1Validator,
  validateClusterProfile,
} from './profile';

describe('clusterProfileEntityV1alpha1Validator', () => {
  it('resolves false for other kinds and apiVersions', async () => {
    await expect(
      clusterProfileEntityV1alpha1Validator.check(governedCluster),
    ).resolves.toBe(false);
    await expect(
      clusterProfileEntityV1alpha1Validator.check({
        ...clusterProfile,
        apiVersion: 'fleet-portal.dev/v1beta1',
      }),
    ).resolves.toBe(false);
  });

  it('resolves true for a valid profile', async () => {
    await expect(
      clusterProfileEntityV1alpha1Validator.check(clusterProfile),
    ).resolves.toBe(true);
  });

  it('rejects an invalid profile with a TypeError listing every issue', async () => {
    const invalid = {
      ...clusterProfile,
      spec: {
        ...clusterProfile.spec,
        version: '3',
        storageClasses: { default: 'nfs', available: ['fast-ssd'] },
      },
    };
    await expect(
      clusterProfileEntityV1alpha1Validator.check(invalid),
    ).rejects.toEqual(
      new TypeError(
        'spec.version: "3" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 3.2.0); ' +
          'spec.storageClasses.default: nfs is not among spec.storageClasses.available (fast-ssd)',
      ),
    );
  });
});

describe('validateClusterProfile', () => {
  it('reports a non-profile entity instead of throwing', () => {
    expect(validateClusterProfile(governedCluster)).toEqual([
      {
        path: 'kind',
        message:
          'kind: must be a ClusterProfile of fleet-portal.dev/v1alpha1 (got Resource of backstage.io/v1alpha1)',
      },
    ]);
  });

  it('reports every structural issue, and semantic ones only once the shape is valid', () => {
    const invalid = {
      ...clusterProfile,
      spec: {
        ...clusterProfile.spec,
        type: 'prod',
        lifecycle: 3,
        components: [{ name: 'a', version: 'latest' }],
      },
    };
    expect(validateClusterProfile(invalid).map(i => i.message)).toEqual([
      'spec.type: must be one of production, non-production, edge, regulated (got "prod")',
      'spec.lifecycle: must be one of production, experimental, deprecated (got 3)',
    ]);
  });

  it('never throws on garbage', () => {
    const garbage = {
      apiVersion: 'fleet-portal.dev/v1alpha1',
      kind: 'ClusterProfile',
      metadata: { name: 'x' },
      spec: [],
    } as any;
    expect(validateClusterProfile(garbage).map(i => i.message)).toEqual([
      'spec: must be an object (got a list)',
    ]);
  });
});
