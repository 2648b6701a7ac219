import { createRouteRef } from '@backstage/core-plugin-api';

/** The fleet lifecycle page. A legacy route ref, which the new frontend system accepts as well. */
export const rootRouteRef = createRouteRef({ id: 'fleet' });

/** The fleet health overview page. */
export const healthRouteRef = createRouteRef({ id: 'fleet-health' });

/** The state of the platform repositories the catalog reads. */
export const platformRepoRouteRef = createRouteRef({
  id: 'fleet-platform-repository',
});

/** The profile versions in rollout, fleet-wide. */
export const rolloutsRouteRef = createRouteRef({ id: 'fleet-rollouts' });
