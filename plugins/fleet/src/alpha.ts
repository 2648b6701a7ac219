/**
 * Fleet Portal frontend for apps on the new frontend system.
 *
 * @packageDocumentation
 */

import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  fleetApi,
  fleetHealthApi,
  platformRepoApi,
  rolloutApi,
} from './alpha/apis';
import {
  clusterOverviewCard,
  namespaceBudgetCard,
  namespaceHealthCard,
  tenantNamespaceCard,
} from './alpha/entityCards';
import {
  clusterHealthContent,
  clusterProfileContent,
  profileRolloutContent,
} from './alpha/entityContents';
import {
  fleetHealthPage,
  fleetLifecyclePage,
  fleetPlatformRepositoryPage,
  fleetRolloutsPage,
} from './alpha/pages';
import {
  healthRouteRef,
  platformRepoRouteRef,
  rolloutsRouteRef,
  rootRouteRef,
} from './routes';
import { clusterFormFields } from './components/scaffolder/cluster/alpha';
import { namespaceFormFields } from './components/scaffolder/namespace/alpha';
import { rolloutFormFields } from './components/scaffolder/rollout/alpha';
import { namespaceChangeFormFields } from './components/scaffolder/namespaceChange/alpha';

export default createFrontendPlugin({
  pluginId: 'fleet',
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    health: healthRouteRef,
    platformRepository: platformRepoRouteRef,
    rollouts: rolloutsRouteRef,
  },
  extensions: [
    rolloutApi,
    fleetRolloutsPage,
    profileRolloutContent,
    fleetApi,
    fleetLifecyclePage,
    clusterOverviewCard,
    tenantNamespaceCard,
    clusterProfileContent,
    fleetHealthApi,
    fleetHealthPage,
    clusterHealthContent,
    namespaceHealthCard,
    namespaceBudgetCard,
    platformRepoApi,
    fleetPlatformRepositoryPage,
    ...clusterFormFields,
    ...namespaceFormFields,
    ...rolloutFormFields,
    ...namespaceChangeFormFields,
  ],
});
