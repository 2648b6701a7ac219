import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { fleetApiRef } from './api/FleetApi';
import { FleetClient } from './api/FleetClient';
import { fleetHealthApiRef } from './api/FleetHealthApi';
import { FleetHealthClient } from './api/FleetHealthClient';
import { platformRepoApiRef } from './api/PlatformRepoApi';
import { PlatformRepoClient } from './api/PlatformRepoClient';
import { rolloutApiRef } from './api/RolloutApi';
import { RolloutClient } from './api/RolloutClient';
import {
  healthRouteRef,
  platformRepoRouteRef,
  rolloutsRouteRef,
  rootRouteRef,
} from './routes';

export {
  hasFleetFields,
  isClusterEntity,
  isClusterProfileEntity,
  isTenantNamespaceEntity,
} from '@fleet-portal/plugin-fleet-common';

/** The Fleet Portal frontend plugin for apps on the legacy frontend system. */
export const fleetPlugin = createPlugin({
  id: 'fleet',
  apis: [
    createApiFactory({
      api: fleetApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FleetClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: fleetHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new FleetHealthClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: platformRepoApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformRepoClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: rolloutApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RolloutClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    health: healthRouteRef,
    platformRepository: platformRepoRouteRef,
    rollouts: rolloutsRouteRef,
  },
});

/** The profile versions in rollout with their progress per wave; mount it at `/fleet/rollouts`. */
export const FleetRolloutsPage = fleetPlugin.provide(
  createRoutableExtension({
    name: 'FleetRolloutsPage',
    component: () =>
      import('./components/FleetRolloutsPage').then(m => m.FleetRolloutsPage),
    mountPoint: rolloutsRouteRef,
  }),
);

/**
 * Content of the "Rollout" tab of ClusterProfile entities (route it at `rollout`): the waves with
 * their clusters and gates, and "Promote <wave>" for users allowed `fleet.rollout.promote`.
 */
export const EntityClusterProfileRolloutContent = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityClusterProfileRolloutContent',
    component: {
      lazy: () =>
        import('./components/RolloutView').then(m => m.ProfileRolloutContent),
    },
  }),
);

/** The fleet lifecycle page; mount it at `/fleet/lifecycle`. */
export const FleetLifecyclePage = fleetPlugin.provide(
  createRoutableExtension({
    name: 'FleetLifecyclePage',
    component: () =>
      import('./components/FleetLifecyclePage').then(m => m.FleetLifecyclePage),
    mountPoint: rootRouteRef,
  }),
);

/** Overview card for kubernetes-cluster Resources. */
export const EntityClusterOverviewCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityClusterOverviewCard',
    component: {
      lazy: () =>
        import('./components/ClusterOverviewCard').then(
          m => m.ClusterOverviewCard,
        ),
    },
  }),
);

/** Card for kubernetes-namespace Resources (tenant namespaces). */
export const EntityTenantNamespaceCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityTenantNamespaceCard',
    component: {
      lazy: () =>
        import('./components/TenantNamespaceCard').then(
          m => m.TenantNamespaceCard,
        ),
    },
  }),
);

/** Content of the "Profile" tab of ClusterProfile entities. */
export const EntityClusterProfileContent = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityClusterProfileContent',
    component: {
      lazy: () =>
        import('./components/ClusterProfileContent').then(
          m => m.ClusterProfileContent,
        ),
    },
  }),
);

/** The fleet health overview page; mount it at `/fleet/health`. */
export const FleetHealthPage = fleetPlugin.provide(
  createRoutableExtension({
    name: 'FleetHealthPage',
    component: () =>
      import('./components/FleetHealthPage').then(m => m.FleetHealthPage),
    mountPoint: healthRouteRef,
  }),
);

/** Content of the "Fleet health" tab of kubernetes-cluster Resources; route it at `health`. */
export const EntityClusterHealthContent = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityClusterHealthContent',
    component: {
      lazy: () =>
        import('./components/ClusterHealthContent').then(
          m => m.ClusterHealthContent,
        ),
    },
  }),
);

/** Health of the cluster a tenant namespace (kubernetes-namespace Resource) runs on. */
export const EntityNamespaceHealthCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityNamespaceHealthCard',
    component: {
      lazy: () =>
        import('./components/NamespaceHealthCard').then(
          m => m.NamespaceHealthCard,
        ),
    },
  }),
);

/**
 * On `kubernetes-namespace` Resources: the owning team's usage on the namespace's cluster
 * against the team budget of the cluster's profile.
 */
export const EntityNamespaceBudgetCard = fleetPlugin.provide(
  createComponentExtension({
    name: 'EntityNamespaceBudgetCard',
    component: {
      lazy: () =>
        import('./components/NamespaceBudgetCard').then(
          m => m.NamespaceBudgetCard,
        ),
    },
  }),
);

/**
 * The state of the platform repositories (needs `fleet.platformRepo.read`); mount it at
 * `/fleet/platform-repository`.
 */
export const FleetPlatformRepositoryPage = fleetPlugin.provide(
  createRoutableExtension({
    name: 'FleetPlatformRepositoryPage',
    component: () =>
      import('./components/PlatformRepositoryPage').then(
        m => m.PlatformRepositoryPage,
      ),
    mountPoint: platformRepoRouteRef,
  }),
);
