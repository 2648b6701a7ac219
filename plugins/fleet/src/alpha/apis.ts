import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { fleetApiRef } from '../api/FleetApi';
import { FleetClient } from '../api/FleetClient';
import { fleetHealthApiRef } from '../api/FleetHealthApi';
import { FleetHealthClient } from '../api/FleetHealthClient';
import { platformRepoApiRef } from '../api/PlatformRepoApi';
import { PlatformRepoClient } from '../api/PlatformRepoClient';
import { rolloutApiRef } from '../api/RolloutApi';
import { RolloutClient } from '../api/RolloutClient';

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

export const platformRepoApi = ApiBlueprint.make({
  name: 'platform-repo',
  params: defineParams =>
    defineParams({
      api: platformRepoApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformRepoClient({ discoveryApi, fetchApi }),
    }),
});

export const rolloutApi = ApiBlueprint.make({
  name: 'rollout',
  params: defineParams =>
    defineParams({
      api: rolloutApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: ({ discoveryApi, fetchApi }) =>
        new RolloutClient({ discoveryApi, fetchApi }),
    }),
});
