import fs from 'node:fs';
import path from 'node:path';
import { GitRemote, git } from '../../../__testUtils__/gitRemote';

/** A bad request: what it is, the fields it changes in validInput(), the message it gets. */
export type BadNamespaceRequest = [
  string,
  Record<string, unknown>,
  string | RegExp,
];

/**
 * Bad tenant namespace requests. Each must fail with an InputError naming the field before
 * anything is written: the platform repository keeps every ref. Run through the template's
 * steps (badInputCorpus.test.ts) and through the actions registry
 * (registry/createRequestTenantNamespaceAction.test.ts). The case 'a namespace only in the
 * platform repository' needs seedPendingMerge.
 */
export const BAD_NAMESPACE_REQUESTS: BadNamespaceRequest[] = [
  [
    'an upper-case name',
    { namespace: 'Checkout' },
    `namespace: "Checkout" must be lowercase letters, digits and '-'`,
  ],
  [
    'a kube- name',
    { namespace: 'kube-tools' },
    'namespace: "kube-tools" is reserved',
  ],
  [
    'the default namespace',
    { namespace: 'default' },
    'namespace: "default" is reserved',
  ],
  [
    'a platform namespace',
    { namespace: 'monitoring' },
    'namespace: "monitoring" is reserved',
  ],
  [
    'a name of 64 characters',
    { namespace: 'a'.repeat(64) },
    'namespace: "aaaa',
  ],
  [
    'a shell injection',
    { namespace: 'ns; rm -rf /' },
    `namespace: "ns; rm -rf /" must be lowercase letters, digits and '-'`,
  ],
  [
    'a YAML injection in the name',
    { namespace: 'checkout\nkind: Secret' },
    /namespace: "checkout[\s\S]*" must be lowercase letters, digits and '-'/,
  ],
  ['a missing name', { namespace: undefined }, 'namespace: is required'],
  [
    'an entity name over 63 characters',
    { namespace: 'n'.repeat(43) },
    /namespace: tenant namespace entity name ".*" is 64 characters long/,
  ],
  [
    '"10 cpus"',
    { quota: { 'requests.cpu': '10 cpus' } },
    'quota.requests.cpu: "10 cpus" is not a Kubernetes quantity',
  ],
  [
    'a quota above the maximum',
    { quota: { 'limits.memory': '1Ti' } },
    'quota.limits.memory: 1Ti is above the maximum of 64Gi set by the profile non-production',
  ],
  [
    'a negative quota',
    { quota: { 'requests.cpu': '-1' } },
    'quota.requests.cpu: "-1" must not be negative',
  ],
  [
    'requests above limits',
    { quota: { 'requests.memory': '8Gi', 'limits.memory': '4Gi' } },
    'quota.requests.memory: 8Gi is above limits.memory (4Gi)',
  ],
  [
    'an injected quota key',
    { quota: { 'requests.cpu\nevil: true': '1' } },
    /quota\.requests\.cpu\nevil: true: is not a resource the profile non-production governs/,
  ],
  [
    'a label injection in the cost center',
    { costCenter: 'cc-1\nfleet-portal.dev/team: platform-team' },
    /costCenter: ".*" is not a valid label value/,
  ],
  [
    'a selector injection in the cost center',
    { costCenter: 'a,b=c' },
    'costCenter: "a,b=c" is not a valid label value',
  ],
  [
    'an unknown cluster',
    { cluster: 'resource:default/stg-euw1-nowhere-01' },
    'cluster: "resource:default/stg-euw1-nowhere-01" is not a cluster in the catalog',
  ],
  [
    'a malformed cluster ref',
    { cluster: 'resource:default/Bad Name!' },
    'cluster: "resource:default/Bad Name!" is not a cluster in the catalog',
  ],
  [
    'a namespace entity as cluster',
    { cluster: 'resource:default/dev-euw1-shared-01.checkout-dev' },
    'cluster: resource:default/dev-euw1-shared-01.checkout-dev is not a kubernetes-cluster Resource',
  ],
  [
    'an ungoverned cluster',
    { cluster: 'stg-euw1-found-01' },
    'cluster: resource:default/stg-euw1-found-01 is not governed',
  ],
  [
    'a cluster opted out of governance',
    { cluster: 'stg-euw1-optout-01' },
    'cluster: resource:default/stg-euw1-optout-01 is not governed',
  ],
  [
    'a retired cluster',
    { cluster: 'stg-euw1-retired-01' },
    'cluster: resource:default/stg-euw1-retired-01 was due for retirement on 2026-03-01',
  ],
  [
    'a deprecated cluster',
    { cluster: 'tst-euw1-reindex-01' },
    'cluster: resource:default/tst-euw1-reindex-01 is deprecated',
  ],
  [
    'an unknown team',
    { team: 'group:default/team-nobody' },
    'team: "group:default/team-nobody" is not a group in the catalog',
  ],
  [
    'a team the requester is not in',
    { team: 'group:default/team-payments' },
    'team: you are not a member of group:default/team-payments',
  ],
  [
    'a namespace already in the catalog',
    { namespace: 'checkout' },
    'namespace: checkout already exists on stg-euw1-checkout-01 (resource:default/stg-euw1-checkout-01.checkout)',
  ],
  [
    'a namespace only in the platform repository',
    { namespace: 'pending-merge' },
    'namespace: pending-merge already exists on stg-euw1-checkout-01 in the platform repository',
  ],
  [
    'cluster-admin',
    { roles: ['cluster-admin'] },
    'roles: cluster-admin is reserved for the platform team',
  ],
  [
    'a role the profile does not allow',
    { roles: ['edit', 'impersonator'] },
    'roles: impersonator is not allowed by the profile (allowed: view, edit, admin)',
  ],
  [
    'a default limit above the quota',
    { limits: { default: { cpu: '5' } } },
    'limits.default.cpu: 5 is above the namespace quota limits.cpu (4)',
  ],
  [
    'a limit that is no quantity',
    { limits: { defaultRequest: { memory: 'lots' } } },
    'limits.defaultRequest.memory: "lots" is not a Kubernetes quantity',
  ],
  [
    'a control character in the reason',
    { reason: 'why\u0000not' },
    'reason: must not contain control characters',
  ],
];

/** Commits a namespace to the repository that is not (yet) in the catalog: `pending-merge`. */
export function seedPendingMerge(repo: GitRemote) {
  const work = path.join(repo.root, 'work');
  git(repo.root, 'clone', '--quiet', repo.remote, work);
  const dir = path.join(
    work,
    'clusters/stg-euw1-checkout-01/namespaces/pending-merge',
  );
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'namespace.yaml'), 'kind: Resource\n');
  git(work, 'add', '--all');
  git(work, 'commit', '--quiet', '-m', 'pending');
  git(work, 'push', '--quiet', 'origin', 'main');
}
