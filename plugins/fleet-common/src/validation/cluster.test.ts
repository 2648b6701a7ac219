import type { Entity } from '@backstage/catalog-model';
import {
  governedCluster,
  portainerCluster,
  tenantNamespace,
} from '../__fixtures__/corpus';
import { hasFleetFields, isClusterEntity } from '../guards';
import {
  isGovernedCluster,
  validateClusterFleetFields,
  validateGovernedCluster,
} from './cluster';

const withSpec = (entity: Entity, spec: object): Entity => ({
  ...entity,
  spec: { ...entity.spec, ...spec },
});
const messages = (issues: { message: string }[]) => issues.map(i => i.message);

describe('validateClusterFleetFields', () => {
  it('reports an entity that is not a cluster', () => {
    expect(messages(validateClusterFleetFields(tenantNamespace))).toEqual([
      'spec.type: must be kubernetes-cluster on a Resource (got Resource with type "kubernetes-namespace")',
    ]);
  });

  it('does not require the governed set', () => {
    expect(validateClusterFleetFields(portainerCluster)).toEqual([]);
  });

  it('reports every overlap among pod, service and node CIDRs', () => {
    const cluster = withSpec(governedCluster, {
      network: {
        podCidr: '10.0.0.0/8',
        serviceCidr: '10.96.0.0/12',
        nodeCidr: '10.10.0.0/24',
      },
    });
    expect(messages(validateClusterFleetFields(cluster))).toEqual([
      'spec.network.serviceCidr: 10.96.0.0/12 overlaps spec.network.podCidr (10.0.0.0/8)',
      'spec.network.nodeCidr: 10.10.0.0/24 overlaps spec.network.podCidr (10.0.0.0/8)',
    ]);
  });

  it('never throws on garbage', () => {
    const garbage = withSpec(portainerCluster, {
      network: 'none',
      lifetime: [],
      nodes: null,
    });
    expect(messages(validateClusterFleetFields(garbage))).toEqual([
      'spec.network: must be an object (got "none")',
      'spec.lifetime: must be an object (got a list)',
      'spec.nodes: must be an object (got null)',
    ]);
  });
});

describe('validateGovernedCluster', () => {
  it('lists every missing governed field', () => {
    expect(messages(validateGovernedCluster(portainerCluster))).toEqual(
      [
        'purpose',
        'profile',
        'profileVersion',
        'environment',
        'region',
        'network.podCidr',
        'network.serviceCidr',
        'lifetime.created',
        'lifetime.reviewBy',
      ].map(field => `spec.${field}: is required for a governed cluster`),
    );
  });
});

describe('isGovernedCluster', () => {
  it('is true for a complete, valid cluster', () => {
    expect(isGovernedCluster(governedCluster)).toBe(true);
    const unannotated = {
      ...governedCluster,
      metadata: { name: 'prd-euw1-payments-01' },
    };
    expect(isGovernedCluster(unannotated)).toBe(true);
  });

  it('is false when opted out, incomplete, invalid or not a cluster', () => {
    const optedOut = {
      ...governedCluster,
      metadata: {
        name: 'prd-euw1-payments-01',
        annotations: { 'fleet-portal.dev/governed': 'false' },
      },
    };
    expect(isGovernedCluster(optedOut)).toBe(false);
    expect(isGovernedCluster(portainerCluster)).toBe(false);
    expect(
      isGovernedCluster(withSpec(governedCluster, { profileVersion: 'three' })),
    ).toBe(false);
    expect(isGovernedCluster(tenantNamespace)).toBe(false);
  });
});

describe('guards', () => {
  it('recognise clusters and their fleet fields', () => {
    expect(isClusterEntity(governedCluster)).toBe(true);
    expect(isClusterEntity({ ...governedCluster, kind: 'resource' })).toBe(
      true,
    );
    expect(isClusterEntity(tenantNamespace)).toBe(false);
    expect(hasFleetFields(governedCluster as any)).toBe(true);
    expect(hasFleetFields(portainerCluster as any)).toBe(false);
    expect(
      hasFleetFields(withSpec(portainerCluster, { site: 'fra-dc2' }) as any),
    ).toBe(true);
  });
});
