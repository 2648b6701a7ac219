/**
 * Fleet Portal frontend for apps on the new frontend system.
 *
 * @packageDocumentation
 */

import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { fleetApi } from './alpha/apis';
import { clusterOverviewCard, tenantNamespaceCard } from './alpha/entityCards';
import { clusterProfileContent } from './alpha/entityContents';
import { fleetLifecyclePage } from './alpha/pages';
import { rootRouteRef } from './routes';

export default createFrontendPlugin({
  pluginId: 'fleet',
  info: { packageJson: () => import('../package.json') },
  routes: { root: rootRouteRef },
  extensions: [
    fleetApi,
    fleetLifecyclePage,
    clusterOverviewCard,
    tenantNamespaceCard,
    clusterProfileContent,
  ],
});
