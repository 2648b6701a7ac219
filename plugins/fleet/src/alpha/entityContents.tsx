import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';

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
