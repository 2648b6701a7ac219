/**
 * Fleet Portal frontend for apps on the new frontend system.
 *
 * @packageDocumentation
 */

import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { fleetApi, fleetHealthApi } from './alpha/apis';
import {
  clusterOverviewCard,
  namespaceHealthCard,
  tenantNamespaceCard,
} from './alpha/entityCards';
import {
  clusterHealthContent,
  clusterProfileContent,
} from './alpha/entityContents';
import { fleetHealthPage, fleetLifecyclePage } from './alpha/pages';
import { healthRouteRef, rootRouteRef } from './routes';
import { clusterFormFields } from './components/scaffolder/cluster/alpha';
import { namespaceFormFields } from './components/scaffolder/namespace/alpha';

export default createFrontendPlugin({
  pluginId: 'fleet',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef, health: healthRouteRef },
  extensions: [
    fleetApi,
    fleetLifecyclePage,
    clusterOverviewCard,
    tenantNamespaceCard,
    clusterProfileContent,
    fleetHealthApi,
    fleetHealthPage,
    clusterHealthContent,
    namespaceHealthCard,
    ...clusterFormFields,
    ...namespaceFormFields,
  ],
});
