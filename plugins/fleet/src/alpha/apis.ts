import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { fleetApiRef } from '../api/FleetApi';
import { FleetClient } from '../api/FleetClient';
import { fleetHealthApiRef } from '../api/FleetHealthApi';
import { FleetHealthClient } from '../api/FleetHealthClient';

export const fleetApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: fleetApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new FleetClient({ discoveryApi, fetchApi }),
    }),
});

export const fleetHealthApi = ApiBlueprint.make({
  name: 'health',
  params: defineParams =>
    defineParams({
      api: fleetHealthApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new FleetHealthClient({ discoveryApi, fetchApi }),
    }),
});
