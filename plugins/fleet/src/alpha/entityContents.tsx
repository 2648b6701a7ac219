import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { CLUSTER_SPEC_TYPE } from '@fleet-portal/plugin-fleet-common';

export const clusterProfileContent = EntityContentBlueprint.make({
  name: 'profile',
  params: {
    path: 'profile',
    title: 'Profile',
    filter: { kind: 'clusterprofile' },
    loader: () =>
      import('../components/ClusterProfileContent').then(m => (
        <m.ClusterProfileContent />
      )),
  },
});

export const clusterHealthContent = EntityContentBlueprint.make({
  name: 'health',
  params: {
    path: 'health',
    title: 'Fleet health',
    filter: { kind: 'resource', 'spec.type': CLUSTER_SPEC_TYPE },
    loader: () =>
      import('../components/ClusterHealthContent').then(m => (
        <m.ClusterHealthContent />
      )),
  },
});

export const profileRolloutContent = EntityContentBlueprint.make({
  name: 'rollout',
  params: {
    path: 'rollout',
    title: 'Rollout',
    filter: { kind: 'clusterprofile' },
    loader: () =>
      import('../components/RolloutView').then(m => (
        <m.ProfileRolloutContent />
      )),
  },
});
