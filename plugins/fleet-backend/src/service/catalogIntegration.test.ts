import {
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  ClusterLifecycle,
  LifecyclePage,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import {
  clusterEntity,
  fleet,
  profiles,
  TODAY,
} from '../__fixtures__/entities';
import { clockServiceRef } from '../clock';
import { fleetPlugin } from '../plugin';

jest.setTimeout(60_000);

const LOCATION = 'url:https://git.example.com/platform-config';

function fromProvider(entity: Entity): Entity {
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': LOCATION,
        'backstage.io/managed-by-origin-location': LOCATION,
      },
    },
  };
}

const optedOut = clusterEntity(
  'prd-euw1-optout-01',
  '10.71.0.0/16',
  '10.96.112.0/20',
  {
    annotations: { 'fleet-portal.dev/governed': 'false' },
  },
);

/** The fixtures, through the real catalog: a provider, and a processor accepting ClusterProfile. */
const fixturesModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'fleet-backend-fixtures',
  register(reg) {
    reg.registerInit({
      deps: { processing: catalogProcessingExtensionPoint },
      async init({ processing }) {
        processing.addProcessor({
          getProcessorName: () => 'ClusterProfileKind',
          validateEntityKind: async entity => entity.kind === 'ClusterProfile',
        });
        processing.addEntityProvider({
          getProviderName: () => 'fleet-backend-fixtures',
          connect: async connection =>
            connection.applyMutation({
              type: 'full',
              entities: [...fleet, optedOut, ...profiles].map(entity => ({
                entity: fromProvider(entity),
                locationKey: 'fleet-backend-fixtures',
              })),
            }),
        });
      },
    });
  },
});

describe('against the real catalog', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    server = await startTestBackend({
      features: [
        catalogPlugin,
        fixturesModule,
        fleetPlugin,
        createServiceFactory({
          service: clockServiceRef,
          deps: {},
          factory: () => ({ now: () => new Date(`${TODAY}T08:00:00Z`) }),
        }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({ send: async () => {} }),
        }),
        mockServices.rootLogger.factory({ level: 'error' }),
      ],
    });
  });
  afterAll(() => server.stop());

  const get = (path: string) =>
    request(server.server)
      .get(`/api/fleet${path}`)
      .set('Authorization', mockCredentials.user.header());

  async function fullFleet(): Promise<LifecyclePage> {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const page: LifecyclePage = (
        await get('/lifecycle/clusters?orderBy=name')
      ).body;
      const profilesIn = page.items?.some(c => c.profileCurrentVersion);
      if (page.totalItems === fleet.length + 1 && profilesIn) {
        return page;
      }
      if (Date.now() > deadline) {
        throw new Error(`Catalog did not settle: ${JSON.stringify(page)}`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  it('reads clusters and profiles through queryEntities filters and field selections', async () => {
    const page = await fullFleet();
    const byName = (name: string) =>
      page.items.find(c => c.name === name) as ClusterLifecycle;
    expect(byName('stg-euw1-checkout-01')).toMatchObject({
      status: 'review-overdue',
      profileCurrentVersion: '2.4.0',
      findings: [expect.objectContaining({ code: 'profile-version-behind' })],
    });
    expect(byName('prd-euw1-payments-01').findings.map(f => f.code)).toEqual([
      'cidr-overlap',
    ]);
    expect(byName('prd-euw1-payments-01').governed).toBe(true);
    // The governed annotation arrives through its dotted field selection.
    expect(byName('prd-euw1-optout-01')).toMatchObject({
      governed: false,
      findings: [
        expect.objectContaining({
          code: 'ungoverned',
          message: expect.stringContaining('opted out'),
        }),
      ],
    });
    expect(page.facets.status).toEqual({
      retired: 1,
      'review-overdue': 1,
      'retiring-soon': 1,
      'review-due': 1,
      ok: 4,
      unknown: 1,
    });
  });
});
