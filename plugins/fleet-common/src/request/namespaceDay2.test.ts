import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  clusterProfile,
  governedCluster,
  tenantNamespace,
} from '../__fixtures__/corpus';
import type { ClusterProfileEntity } from '../types';
import { checkNamespaceChange } from './namespaceChange';
import { checkNamespaceDecommission } from './namespaceDecommission';
import { checkNamespaceRequest } from './namespaceRequest';
import type { NamespaceChangeLookups } from './namespaceTarget';

// Day-2 rules on a small catalog: the production fixtures plus a staging copy whose profile
// allows ClickOps and sets a team budget.

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

const staging = clone(governedCluster);
staging.metadata.name = 'stg-euw1-checkout-01';
Object.assign(staging.spec!, {
  profile: 'staging',
  environment: 'staging',
  environmentGroup: 'non-production',
  lifecycle: 'experimental',
  owner: 'group:default/team-checkout',
});
const stagingProfile = clone(clusterProfile) as ClusterProfileEntity;
stagingProfile.metadata.name = 'staging';
stagingProfile.spec.type = 'non-production';
stagingProfile.spec.clickOps = { allowed: true };
stagingProfile.spec.tenancy!.teamBudget = {
  namespaces: 2,
  quota: { 'requests.cpu': '8', pods: '200' },
};
const ns = (name: string, owner: string, cpu: string): Entity => {
  const e = clone(tenantNamespace);
  e.metadata.name = `stg-euw1-checkout-01.${name}`;
  Object.assign(e.spec!, {
    cluster: 'stg-euw1-checkout-01',
    namespace: name,
    owner,
    quota: {
      ...(e.spec!.quota as object),
      'requests.cpu': cpu,
      'limits.cpu': '16',
    },
  });
  return e;
};
const checkout = ns('checkout', 'group:default/team-checkout', '4');
const cart = ns('cart', 'team-checkout', '2');
const payments = ns('payments', 'group:default/team-payments', '6');
const entities = [
  governedCluster,
  clusterProfile,
  tenantNamespace,
  staging,
  stagingProfile,
  checkout,
  cart,
  payments,
];
const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
const lookups: NamespaceChangeLookups = {
  cluster: async ref =>
    byRef.get(ref.includes(':') ? ref : `resource:default/${ref}`),
  profile: async ref =>
    byRef.get(`clusterprofile:default/${ref}`) as ClusterProfileEntity,
  namespace: async ref => byRef.get(ref),
  namespacesOnCluster: async clusterRef =>
    entities.filter(
      e =>
        e.spec?.type === 'kubernetes-namespace' &&
        `resource:default/${(e.spec as { cluster?: string }).cluster}` ===
          clusterRef,
    ),
};
const devon = { memberOf: ['group:default/team-checkout'] };
const priya = { memberOf: ['group:default/platform-team'] };
const change = (extra: Record<string, unknown>) => ({
  namespace: 'resource:default/stg-euw1-checkout-01.checkout',
  reason: 'More headroom for the sale',
  ...extra,
});
const messages = (issues: { message: string }[]) => issues.map(i => i.message);

describe('checkNamespaceChange', () => {
  it('accepts a raise within the maximum and the budget, keeping what is not asked', async () => {
    const checked = await checkNamespaceChange(
      change({ quota: { 'requests.cpu': '5' } }),
      lookups,
      { actor: devon },
    );
    expect(checked.issues).toEqual([]);
    expect(checked.quota).toMatchObject({ 'requests.cpu': '5', pods: '50' });
    expect(checked.roles).toEqual(['edit']);
    expect(checked.usage).toEqual({
      namespaces: 2,
      quota: expect.objectContaining({ 'requests.cpu': '6', pods: '100' }),
    });
  });

  it('refuses a raise over the team budget with usage and budget in words', async () => {
    const { issues } = await checkNamespaceChange(
      change({ quota: { 'requests.cpu': '7' } }),
      lookups,
      { actor: devon },
    );
    expect(messages(issues)).toEqual([
      'quota.requests.cpu: team-checkout would use 9 of its budget of 8 CPU on stg-euw1-checkout-01 (now 6)',
    ]);
  });

  it('refuses another team, a platform owner may', async () => {
    const other = change({
      namespace: 'resource:default/stg-euw1-checkout-01.payments',
      quota: { 'requests.cpu': '1' },
    });
    expect(
      messages(
        (await checkNamespaceChange(other, lookups, { actor: devon })).issues,
      ),
    ).toEqual([
      'namespace: payments on stg-euw1-checkout-01 belongs to team-payments; only its members and the platform owners may change it',
    ]);
    expect(
      (await checkNamespaceChange(other, lookups, { actor: priya })).issues,
    ).toEqual([]);
  });

  it('refuses a quota below live usage, an unknown namespace, no change and no reason', async () => {
    expect(
      messages(
        (
          await checkNamespaceChange(
            change({ quota: { 'requests.cpu': '1' } }),
            lookups,
            { actor: devon, used: { 'requests.cpu': '3500m' } },
          )
        ).issues,
      ),
    ).toEqual([
      'quota.requests.cpu: 1 is below what checkout uses now on stg-euw1-checkout-01 (3500m); free it first or ask for at least 3500m',
    ]);
    expect(
      messages(
        (
          await checkNamespaceChange(
            { namespace: 'resource:default/stg-euw1-checkout-01.nope' },
            lookups,
          )
        ).issues,
      ),
    ).toEqual([
      'reason: is required',
      'namespace: "resource:default/stg-euw1-checkout-01.nope" is not a namespace in the catalog',
    ]);
    expect(
      messages((await checkNamespaceChange(change({}), lookups)).issues),
    ).toEqual([
      'quota: nothing to change: quota, limits and roles are as they are now',
    ]);
  });

  it('refuses what the backend says is not governed', async () => {
    const { issues } = await checkNamespaceChange(
      change({ quota: { 'requests.cpu': '5' } }),
      {
        ...lookups,
        governed: e => e.metadata.name !== 'stg-euw1-checkout-01.checkout',
      },
    );
    expect(messages(issues)).toEqual([
      'namespace: resource:default/stg-euw1-checkout-01.checkout is not from the platform repository, so it is not governed and cannot be changed here',
    ]);
  });
});

describe('checkNamespaceDecommission', () => {
  const giveBack = (extra: Record<string, unknown>) => ({
    namespace: 'resource:default/stg-euw1-checkout-01.checkout',
    confirmation: 'checkout',
    reason: 'Moved to the new cluster',
    ...extra,
  });

  it('accepts the name as confirmation and knows where it lands', async () => {
    const checked = await checkNamespaceDecommission(
      giveBack({ direct: true }),
      lookups,
      {
        actor: devon,
      },
    );
    expect(checked.issues).toEqual([]);
    expect(checked.folder).toBe(
      'clusters/stg-euw1-checkout-01/namespaces/checkout',
    );
    expect(checked.proposal).toBe(false);
  });

  it('refuses a wrong confirmation naming what would be deleted', async () => {
    const { issues } = await checkNamespaceDecommission(
      giveBack({ confirmation: 'checkot' }),
      lookups,
    );
    expect(messages(issues)).toEqual([
      `confirmation: "checkot" is not checkout; type the namespace's name to confirm that clusters/stg-euw1-checkout-01/namespaces/checkout/ is deleted`,
    ]);
  });

  it('refuses removing a production namespace directly; as a proposal it is fine', async () => {
    const production = giveBack({
      namespace: 'resource:default/prd-euw1-payments-01.checkout',
    });
    expect(
      messages(
        (
          await checkNamespaceDecommission(
            { ...production, direct: true },
            lookups,
          )
        ).issues,
      ),
    ).toEqual([
      'direct: prd-euw1-payments-01 is a production cluster: giving back a namespace there is a proposal, reviewed before it is merged, never a direct change',
    ]);
    const proposal = await checkNamespaceDecommission(production, lookups);
    expect(proposal.issues).toEqual([]);
    expect(proposal.proposal).toBe(true);
  });
});

describe('checkNamespaceRequest with a team budget', () => {
  const request = {
    cluster: 'resource:default/stg-euw1-checkout-01',
    namespace: 'search',
    team: 'group:default/team-checkout',
    costCenter: 'cc-1',
    reason: 'Search',
  };

  it('counts the namespaces and sums the quota of the team on the cluster', async () => {
    const { issues } = await checkNamespaceRequest(
      request,
      lookups,
      '2026-05-15',
    );
    expect(messages(issues)).toEqual([
      'cluster: team-checkout would have 3 of its budget of 2 namespaces on stg-euw1-checkout-01 (now 2); give one back or choose another cluster',
    ]);
    const payments = await checkNamespaceRequest(
      {
        ...request,
        team: 'group:default/team-payments',
        quota: { 'requests.cpu': '3' },
      },
      lookups,
      '2026-05-15',
    );
    expect(messages(payments.issues)).toEqual([
      'quota.requests.cpu: team-payments would use 9 of its budget of 8 CPU on stg-euw1-checkout-01 (now 6)',
    ]);
  });
});
