import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  CLUSTER_SPEC_TYPE,
  NAMESPACE_SPEC_TYPE,
} from '@fleet-portal/plugin-fleet-common';

export const clusterOverviewCard = EntityCardBlueprint.make({
  name: 'cluster-overview',
  params: {
    // the answer to "who owns this, what is it for, when is it reviewed": main column, not the side
    type: 'content',
    filter: { kind: 'resource', 'spec.type': CLUSTER_SPEC_TYPE },
    loader: () =>
      import('../components/ClusterOverviewCard').then(m => (
        <m.ClusterOverviewCard />
      )),
  },
});

export const tenantNamespaceCard = EntityCardBlueprint.make({
  name: 'tenant-namespace',
  params: {
    // team, cluster, quota and the Day-2 actions: main column (the info column wraps refs per letter)
    type: 'content',
    filter: { kind: 'resource', 'spec.type': NAMESPACE_SPEC_TYPE },
    loader: () =>
      import('../components/TenantNamespaceCard').then(m => (
        <m.TenantNamespaceCard />
      )),
  },
});

export const namespaceHealthCard = EntityCardBlueprint.make({
  name: 'namespace-health',
  params: {
    type: 'info',
    filter: { kind: 'resource', 'spec.type': NAMESPACE_SPEC_TYPE },
    loader: () =>
      import('../components/NamespaceHealthCard').then(m => (
        <m.NamespaceHealthCard />
      )),
  },
});

export const namespaceBudgetCard = EntityCardBlueprint.make({
  name: 'namespace-budget',
  params: {
    type: 'content',
    filter: { kind: 'resource', 'spec.type': NAMESPACE_SPEC_TYPE },
    loader: () =>
      import('../components/NamespaceBudgetCard').then(m => (
        <m.NamespaceBudgetCard />
      )),
  },
});
