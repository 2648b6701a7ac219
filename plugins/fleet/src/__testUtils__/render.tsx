import type { ReactElement } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { fleetApiRef, type FleetApi } from '../api/FleetApi';

export const testRoutes = {
  mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
};

/** Renders an entity card or tab with the entity and a FleetApi, as the entity page would. */
export function renderForEntity(
  element: ReactElement,
  options: { entity: Entity; fleetApi: FleetApi; apis?: [any, any][] },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[[fleetApiRef, options.fleetApi], ...(options.apis ?? [])]}
    >
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    testRoutes,
  );
}
