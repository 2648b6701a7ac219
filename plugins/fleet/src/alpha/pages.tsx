import AccountTreeIcon from '@material-ui/icons/AccountTree';
import LowPriorityIcon from '@material-ui/icons/LowPriority';
import TimelineIcon from '@material-ui/icons/Timeline';
import UpdateIcon from '@material-ui/icons/Update';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import {
  healthRouteRef,
  platformRepoRouteRef,
  rolloutsRouteRef,
  rootRouteRef,
} from '../routes';

/** Also the nav item: the app discovers it from the title and icon. */
export const fleetLifecyclePage = PageBlueprint.make({
  name: 'lifecycle',
  params: {
    path: '/fleet/lifecycle',
    title: 'Fleet lifecycle',
    icon: <UpdateIcon fontSize="inherit" />,
    routeRef: rootRouteRef,
    // The page brings its own Header, as it does in legacy apps.
    noHeader: true,
    loader: () =>
      import('../components/FleetLifecyclePage').then(m => (
        <m.FleetLifecyclePage />
      )),
  },
});

export const fleetHealthPage = PageBlueprint.make({
  name: 'health',
  params: {
    path: '/fleet/health',
    title: 'Fleet health',
    icon: <TimelineIcon fontSize="inherit" />,
    routeRef: healthRouteRef,
    noHeader: true,
    loader: () =>
      import('../components/FleetHealthPage').then(m => <m.FleetHealthPage />),
  },
});

/** For platform owners: what the catalog read from the platform repository, and what it skipped. */
export const fleetPlatformRepositoryPage = PageBlueprint.make({
  name: 'platform-repository',
  params: {
    path: '/fleet/platform-repository',
    title: 'Platform repository',
    icon: <AccountTreeIcon fontSize="inherit" />,
    routeRef: platformRepoRouteRef,
    noHeader: true,
    loader: () =>
      import('../components/PlatformRepositoryPage').then(m => (
        <m.PlatformRepositoryPage />
      )),
  },
});

/** Profile versions in rollout; the nav item's title is short so that the sidebar does not cut it. */
export const fleetRolloutsPage = PageBlueprint.make({
  name: 'rollouts',
  params: {
    path: '/fleet/rollouts',
    title: 'Rollouts',
    icon: <LowPriorityIcon fontSize="inherit" />,
    routeRef: rolloutsRouteRef,
    noHeader: true,
    loader: () =>
      import('../components/FleetRolloutsPage').then(m => (
        <m.FleetRolloutsPage />
      )),
  },
});
