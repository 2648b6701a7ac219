import type { UserEntity } from '@backstage/catalog-model';

export const PRIYA = 'user:default/priya.platform';
export const DEVON = 'user:default/devon.developer';

/** Priya of the platform team (a platform owner), with the name and email a commit is authored by. */
export const priya: UserEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'priya.platform', namespace: 'default' },
  spec: {
    profile: {
      displayName: 'Priya Raman',
      email: 'priya.platform@acme.example',
    },
    memberOf: ['platform-team'],
  },
};
