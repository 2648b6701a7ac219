import { planClusters } from './planClusters';
import type { ObservedCluster } from './types';

const source = { type: 'portainer', id: 'prod' };

function observed(name: string, externalId = name): ObservedCluster {
  return { name, externalId, status: 'connected' };
}

describe('planClusters', () => {
  it('gives governed clusters facts only and makes the others ungoverned entities', () => {
    const plan = planClusters({
      source,
      observed: [observed('PRD-EUW1-Payments-01'), observed('edge shop 17')],
      catalog: [{ name: 'prd-euw1-payments-01', namespace: 'default' }],
    });
    expect([...plan.facts.keys()]).toEqual([
      'prd-euw1-payments-01',
      'edge-shop-17',
    ]);
    expect([...plan.ungoverned.keys()]).toEqual(['edge-shop-17']);
    expect(plan.skipped).toEqual([]);
  });

  it('keeps emitting its own entities and yields to sources that sort first', () => {
    const plan = planClusters({
      source,
      observed: [observed('own'), observed('shared'), observed('later')],
      catalog: [
        { name: 'own', managementPlane: 'portainer:prod' },
        { name: 'shared', managementPlane: 'open-cluster-management:hub' },
        { name: 'later', managementPlane: 'portainer:zzz' },
      ],
    });
    expect([...plan.ungoverned.keys()]).toEqual(['own', 'later']);
    expect(plan.facts.size).toBe(3);
  });

  it('skips clusters without a usable name and duplicate names, naming both', () => {
    const plan = planClusters({
      source,
      observed: [
        observed('***', '4'),
        observed('a b', '5'),
        observed('A-B', '6'),
      ],
      catalog: [],
    });
    expect([...plan.facts.keys()]).toEqual(['a-b']);
    expect(plan.skipped).toEqual([
      '"***" (id 4): no usable entity name',
      '"A-B" (id 6): same entity name a-b as "a b" (id 5)',
    ]);
  });
});
