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

  describe('naming pattern', () => {
    const withNaming = (naming: { pattern: string; example?: string }) => ({
      ...clusterProfile,
      spec: { ...clusterProfile.spec, naming },
    });

    it('refuses a pattern with catastrophic backtracking in well under a second, without running it on the example', () => {
      // Run on this example, the pattern takes seconds (2^28 ways to fail); checked, microseconds.
      const profile = withNaming({
        pattern: '^([a-z0-9]+)+$',
        example: `${'a'.repeat(28)}-a`,
      });
      const start = performance.now();
      const messages = validateClusterProfile(profile).map(i => i.message);
      expect(performance.now() - start).toBeLessThan(100);
      expect(messages).toEqual([
        'spec.naming.pattern: ^([a-z0-9]+)+$ repeats a group that itself repeats or has alternatives (([a-z0-9]+)+), which can take exponential time on a name that almost matches',
      ]);
    });

    it('refuses a pattern that is anchored only in its alternatives', () => {
      expect(
        validateClusterProfile(
          withNaming({ pattern: '^prd-[a-z]+|stg-[a-z]+$' }),
        ).map(i => i.message),
      ).toEqual([
        'spec.naming.pattern: ^prd-[a-z]+|stg-[a-z]+$ must be anchored with ^ and $ so that it matches whole names (alternatives go in a group: ^(a|b)$)',
      ]);
    });
  });
});
