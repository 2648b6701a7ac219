import { clusterProfile } from './__fixtures__/corpus';
import {
  isDns1123Label,
  tenantNamespaceEntityName,
  validateClusterName,
  validateNamespaceName,
} from './naming';
import type { ClusterProfileEntity } from './types';

const profile = clusterProfile as ClusterProfileEntity;
const messages = (issues: { message: string }[]) => issues.map(i => i.message);

describe('isDns1123Label', () => {
  it.each(['a', 'checkout', 'team-a-1', '0abc', 'a'.repeat(63)])(
    'accepts %s',
    name => {
      expect(isDns1123Label(name)).toBe(true);
    },
  );

  it.each(['', 'A', 'team_a', '-a', 'a-', 'a.b', 'ä', 'a'.repeat(64)])(
    'rejects %j',
    name => {
      expect(isDns1123Label(name)).toBe(false);
    },
  );
});

describe('validateNamespaceName', () => {
  it('accepts a tenant name', () => {
    expect(validateNamespaceName('checkout')).toEqual([]);
    expect(validateNamespaceName('kube')).toEqual([]);
    expect(validateNamespaceName('monitoring-team')).toEqual([]);
  });

  it.each([
    ['', 'spec.namespace: must not be empty'],
    [
      'a'.repeat(64),
      `spec.namespace: "${'a'.repeat(
        64,
      )}" is 64 characters long; the limit is 63`,
    ],
    [
      'Checkout',
      `spec.namespace: "Checkout" must be lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. checkout-dev)`,
    ],
    [
      'default',
      'spec.namespace: "default" is reserved: tenant workloads never run in the default namespace',
    ],
    [
      'kube-system',
      'spec.namespace: "kube-system" is reserved: the "kube-" prefix belongs to Kubernetes system namespaces',
    ],
    [
      'kube-anything',
      'spec.namespace: "kube-anything" is reserved: the "kube-" prefix belongs to Kubernetes system namespaces',
    ],
    [
      'cert-manager',
      'spec.namespace: "cert-manager" is reserved: it is a platform namespace',
    ],
    [
      'flux-system',
      'spec.namespace: "flux-system" is reserved: it is a platform namespace',
    ],
  ])('rejects %j', (name, message) => {
    expect(messages(validateNamespaceName(name))).toEqual([message]);
  });

  it('reports on the given path', () => {
    expect(validateNamespaceName('argocd', 'namespace')).toEqual([
      {
        path: 'namespace',
        message: 'namespace: "argocd" is reserved: it is a platform namespace',
      },
    ]);
  });
});

describe('validateClusterName', () => {
  it('accepts a name that matches the profile pattern', () => {
    expect(validateClusterName('prd-euw1-payments-01', profile)).toEqual([]);
  });

  it('only checks DNS-1123 without a profile or pattern', () => {
    expect(validateClusterName('anything-goes')).toEqual([]);
    expect(messages(validateClusterName('Bad_Name'))[0]).toContain(
      `metadata.name: "Bad_Name" must be lowercase letters, digits and '-'`,
    );
  });

  it('names the convention by its example, not by its regular expression, when the name does not match', () => {
    expect(messages(validateClusterName('prd-payments', profile))).toEqual([
      'metadata.name: "prd-payments" does not follow the naming convention of profile production (e.g. prd-euw1-payments-01)',
    ]);
  });

  it('reports a profile whose pattern cannot be compiled', () => {
    const broken = {
      ...profile,
      spec: { ...profile.spec, naming: { pattern: '(' } },
    };
    expect(
      messages(validateClusterName('prd-euw1-payments-01', broken, 'name')),
    ).toEqual([
      'name: cannot be checked: profile production has an invalid naming pattern',
    ]);
  });

  it('never runs a pattern that is not safe to run', () => {
    const catastrophic = {
      ...profile,
      spec: { ...profile.spec, naming: { pattern: '^([a-z0-9]+)+$' } },
    };
    // Run on this name, the pattern takes seconds; it is refused in microseconds.
    const start = performance.now();
    const result = messages(
      validateClusterName(`${'a'.repeat(28)}-a`, catastrophic, 'name'),
    );
    expect(performance.now() - start).toBeLessThan(100);
    expect(result).toEqual([
      'name: cannot be checked: the naming pattern of profile production is not safe to run (^([a-z0-9]+)+$ repeats a group that itself repeats or has alternatives (([a-z0-9]+)+), which can take exponential time on a name that almost matches)',
    ]);
  });
});

describe('tenantNamespaceEntityName', () => {
  it('joins cluster and namespace', () => {
    expect(tenantNamespaceEntityName('prd-euw1-payments-01', 'checkout')).toBe(
      'prd-euw1-payments-01.checkout',
    );
  });

  it('throws a RangeError past 63 characters', () => {
    expect(
      tenantNamespaceEntityName('c'.repeat(31), 'n'.repeat(31)),
    ).toHaveLength(63);
    expect(() =>
      tenantNamespaceEntityName('c'.repeat(32), 'n'.repeat(31)),
    ).toThrow(
      new RangeError(
        `tenant namespace entity name "${'c'.repeat(32)}.${'n'.repeat(
          31,
        )}" is 64 characters long; the limit is 63`,
      ),
    );
  });
});
