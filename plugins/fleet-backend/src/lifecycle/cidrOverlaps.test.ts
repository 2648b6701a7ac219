import { cidrOverlapFindings } from './cidrOverlaps';

describe('cidrOverlapFindings', () => {
  it('names the other cluster and both CIDRs, on both sides', () => {
    const findings = cidrOverlapFindings([
      {
        entityRef: 'resource:default/a',
        podCidr: '10.64.0.0/16',
        serviceCidr: '10.96.0.0/20',
      },
      {
        entityRef: 'resource:default/b',
        podCidr: '10.65.0.0/16',
        serviceCidr: '10.64.16.0/20',
      },
      {
        entityRef: 'resource:default/c',
        podCidr: '10.66.0.0/16',
        serviceCidr: '10.97.0.0/20',
      },
    ]);
    expect(findings.get('resource:default/a')).toEqual([
      {
        code: 'cidr-overlap',
        severity: 'critical',
        message:
          'The pod CIDR 10.64.0.0/16 overlaps the service CIDR 10.64.16.0/20 of resource:default/b.',
        relatedEntityRef: 'resource:default/b',
      },
    ]);
    expect(findings.get('resource:default/b')?.[0].message).toBe(
      'The service CIDR 10.64.16.0/20 overlaps the pod CIDR 10.64.0.0/16 of resource:default/a.',
    );
    expect(findings.has('resource:default/c')).toBe(false);
  });

  it('ignores overlaps within one cluster, missing and malformed CIDRs, and other IP versions', () => {
    const findings = cidrOverlapFindings([
      {
        entityRef: 'resource:default/a',
        podCidr: '10.64.0.0/16',
        serviceCidr: '10.64.0.0/20',
      },
      { entityRef: 'resource:default/b', podCidr: '10.64.0.1/16' },
      { entityRef: 'resource:default/c', podCidr: 'fd00::/48' },
      { entityRef: 'resource:default/d' },
    ]);
    expect(findings.size).toBe(0);
  });

  it('reports every cluster inside a large block', () => {
    const clusters = Array.from({ length: 50 }, (_, i) => ({
      entityRef: `resource:default/c${i}`,
      podCidr: `10.${i}.0.0/16`,
    }));
    clusters.push({
      entityRef: 'resource:default/wide',
      podCidr: '10.0.0.0/8',
    });
    const findings = cidrOverlapFindings(clusters);
    expect(findings.get('resource:default/wide')).toHaveLength(50);
    expect(findings.get('resource:default/c7')).toHaveLength(1);
  });
});
