import type { Entity } from '@backstage/catalog-model';
import { demoEntities } from '../../namespace/__testUtils__/fixtures';
import { registeredFrom } from '../../../__testUtils__/provenance';

/**
 * A bad Day-2 request: what it is, the template step, its input, the field refused and the
 * words. Each must fail before anything is written, with an InputError naming the field, in the
 * action (day2Corpus.test.ts) and — unless listed in DAY2_BACKEND_ONLY — in the form's rules.
 */
export type BadDay2Request = [
  string,
  'change' | 'decommission',
  Record<string, unknown>,
  string,
  string | RegExp,
];

const STAGING = 'resource:default/stg-euw1-checkout-01.checkout';
const PRODUCTION = 'resource:default/prd-euw1-checkout-01.cart';
const reason = 'Day-2 corpus';

export const BAD_DAY2_REQUESTS: BadDay2Request[] = [
  [
    "another team's namespace",
    'change',
    {
      namespace: 'resource:default/stg-euw1-checkout-01.payments-sandbox',
      quota: { pods: '60' },
      reason,
    },
    'namespace',
    'namespace: payments-sandbox on stg-euw1-checkout-01 belongs to team-payments; only its members and the platform owners may change it',
  ],
  [
    'a namespace that does not exist',
    'change',
    {
      namespace: 'resource:default/stg-euw1-checkout-01.nope',
      quota: { pods: '60' },
      reason,
    },
    'namespace',
    'namespace: "resource:default/stg-euw1-checkout-01.nope" is not a namespace in the catalog',
  ],
  [
    'a cluster instead of a namespace',
    'change',
    {
      namespace: 'resource:default/stg-euw1-checkout-01',
      quota: { pods: '60' },
      reason,
    },
    'namespace',
    'namespace: resource:default/stg-euw1-checkout-01 is not a kubernetes-namespace Resource',
  ],
  [
    'a quota over the profile maximum',
    'change',
    { namespace: STAGING, quota: { pods: '500' }, reason },
    'quota.pods',
    'quota.pods: 500 is above the maximum of 200 set by the profile non-production',
  ],
  [
    'a quota over the team budget',
    'change',
    { namespace: STAGING, quota: { pods: '190' }, reason },
    'quota.pods',
    'quota.pods: team-checkout would use 190 of its budget of 180 pods on stg-euw1-checkout-01 (now 100)',
  ],
  [
    'a forbidden role',
    'change',
    { namespace: STAGING, roles: ['edit', 'cluster-admin'], reason },
    'roles',
    'roles: cluster-admin is reserved for the platform team',
  ],
  [
    'a role the profile does not allow',
    'change',
    { namespace: PRODUCTION, roles: ['admin'], reason },
    'roles',
    'roles: admin is not allowed by the profile (allowed: view, edit)',
  ],
  [
    'a quota that is no quantity',
    'change',
    { namespace: STAGING, quota: { 'requests.cpu': 'lots' }, reason },
    'quota.requests.cpu',
    'quota.requests.cpu: "lots" is not a Kubernetes quantity (e.g. 500m, 2, 4Gi)',
  ],
  [
    'a negative quota',
    'change',
    { namespace: STAGING, quota: { pods: '-5' }, reason },
    'quota.pods',
    'quota.pods: "-5" must not be negative',
  ],
  [
    'a default limit above the quota',
    'change',
    { namespace: STAGING, limits: { default: { cpu: '20' } }, reason },
    'limits.default.cpu',
    'limits.default.cpu: 20 is above the namespace quota limits.cpu (8)',
  ],
  [
    'no reason',
    'change',
    { namespace: STAGING, quota: { pods: '110' } },
    'reason',
    'reason: is required',
  ],
  [
    'nothing that changes',
    'change',
    { namespace: STAGING, quota: { pods: '100' }, reason },
    'quota',
    'quota: nothing to change: quota, limits and roles are as they are now',
  ],
  [
    'a namespace entity registered from elsewhere (spoofed)',
    'change',
    {
      namespace: 'resource:default/stg-euw1-checkout-01.mallory',
      quota: { pods: '60' },
      reason,
    },
    'namespace',
    'namespace: resource:default/stg-euw1-checkout-01.mallory is not from the platform repository, so it is not governed and cannot be changed here',
  ],
  [
    'a quota below what the namespace uses now (live cluster)',
    'change',
    { namespace: STAGING, quota: { 'requests.cpu': '2' }, reason },
    'quota.requests.cpu',
    'quota.requests.cpu: 2 is below what checkout uses now on stg-euw1-checkout-01 (3); free it first or ask for at least 3',
  ],
  [
    'a confirmation that is not the name',
    'decommission',
    { namespace: STAGING, confirmation: 'checkot', reason },
    'confirmation',
    `confirmation: "checkot" is not checkout; type the namespace's name to confirm that clusters/stg-euw1-checkout-01/namespaces/checkout/ is deleted`,
  ],
  [
    'no confirmation',
    'decommission',
    { namespace: STAGING, confirmation: '', reason },
    'confirmation',
    'confirmation: type checkout to confirm that clusters/stg-euw1-checkout-01/namespaces/checkout/ is deleted',
  ],
  [
    'removing a namespace of a production cluster directly',
    'decommission',
    { namespace: PRODUCTION, confirmation: 'cart', reason, direct: true },
    'direct',
    'direct: prd-euw1-checkout-01 is a production cluster: giving back a namespace there is a proposal, reviewed before it is merged, never a direct change',
  ],
  [
    "giving back another team's namespace",
    'decommission',
    {
      namespace: 'resource:default/stg-euw1-checkout-01.payments-sandbox',
      confirmation: 'payments-sandbox',
      reason,
    },
    'namespace',
    'namespace: payments-sandbox on stg-euw1-checkout-01 belongs to team-payments; only its members and the platform owners may give it back',
  ],
  [
    'giving back a namespace that does not exist',
    'decommission',
    {
      namespace: 'stg-euw1-checkout-01.gone',
      confirmation: 'gone',
      reason,
    },
    'namespace',
    'namespace: "stg-euw1-checkout-01.gone" is not a namespace in the catalog',
  ],
  [
    'control characters in the reason',
    'decommission',
    { namespace: STAGING, confirmation: 'checkout', reason: 'bye\u0007' },
    'reason',
    'reason: must not contain control characters',
  ],
];

/** Refused only by the action, and why the form cannot know. */
export const DAY2_BACKEND_ONLY: Record<string, string> = {
  "another team's namespace":
    "the namespace picker offers only the user's teams' namespaces; membership is decided in the backend",
  "giving back another team's namespace":
    "the namespace picker offers only the user's teams' namespaces; membership is decided in the backend",
  'a namespace entity registered from elsewhere (spoofed)':
    'only the backend knows where the catalog got an entity',
  'a quota below what the namespace uses now (live cluster)':
    'only the backend reads the live cluster',
  'removing a namespace of a production cluster directly':
    'the form has no such choice: the backend decides how a change lands',
};

/** The demo catalog plus a namespace entity someone registered from a URL of their own. */
export function day2Entities(): Entity[] {
  const checkout = demoEntities().find(
    e => e.metadata.name === 'stg-euw1-checkout-01.checkout',
  )!;
  const mallory = JSON.parse(JSON.stringify(checkout));
  mallory.metadata.name = 'stg-euw1-checkout-01.mallory';
  mallory.spec.namespace = 'mallory';
  mallory.spec.owner = 'group:default/team-search';
  return [
    ...demoEntities(),
    registeredFrom(mallory, 'https://example.com/mallory/namespace.yaml'),
  ];
}
