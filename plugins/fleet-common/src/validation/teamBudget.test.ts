import type { Entity } from '@backstage/catalog-model';
import { clusterProfile as fixture } from '../__fixtures__/corpus';
import type { ClusterProfileEntity } from '../types';
import { validateClusterProfile } from './profile';

const clusterProfile = fixture as ClusterProfileEntity;

describe('validateClusterProfile: team budget', () => {
  const withBudget = (teamBudget: object): Entity =>
    ({
      ...clusterProfile,
      spec: {
        ...clusterProfile.spec,
        tenancy: { ...clusterProfile.spec.tenancy, teamBudget },
      },
    } as Entity);

  it('accepts a budget of a namespace count and summed quotas', () => {
    expect(
      validateClusterProfile(
        withBudget({ namespaces: 3, quota: { 'requests.cpu': '24' } }),
      ),
    ).toEqual([]);
  });

  it('names a bad count, a bad quantity and a budget below the defaults', () => {
    expect(
      validateClusterProfile(withBudget({ namespaces: 0 })).map(i => i.path),
    ).toEqual(['spec.tenancy.teamBudget.namespaces']);
    expect(
      validateClusterProfile(
        withBudget({ quota: { 'requests.cpu': 'lots', pods: '1' } }),
      ).map(i => i.message),
    ).toEqual([
      'spec.tenancy.teamBudget.quota["requests.cpu"]: "lots" is not a Kubernetes quantity (e.g. 500m, 2, 4Gi)',
      `spec.tenancy.defaults.quota.pods: default ${clusterProfile.spec.tenancy?.defaults?.quota?.pods} exceeds the team budget 1 (spec.tenancy.teamBudget.quota.pods)`,
    ]);
  });
});
