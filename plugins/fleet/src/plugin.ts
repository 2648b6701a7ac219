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
import { rootRouteRef } from './routes';

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
  ],
  routes: { root: rootRouteRef },
});

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
