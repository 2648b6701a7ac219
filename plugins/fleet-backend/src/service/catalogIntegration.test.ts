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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  ClusterLifecycle,
  LifecyclePage,
} from '@fleet-portal/plugin-fleet-common';
import {
  platformRepoFileLocation,
  platformRepoPaths,
} from '@fleet-portal/plugin-fleet-common';
import request from 'supertest';
import { stringify } from 'yaml';
import {
  clusterEntity,
  FIXTURE_PLATFORM_REPO,
  FIXTURE_PLATFORM_REPO_CONFIG,
  fleet,
  profileEntity,
  profiles,
  TODAY,
} from '../__fixtures__/entities';
import { clockServiceRef } from '../clock';
import { fleetPlugin } from '../plugin';

jest.setTimeout(60_000);

/**
 * An entity YAML for a registered location that claims, in its own annotations, the locations
 * the platform-repo provider would give `file`: the catalog replaces them with the location's.
 */
function forged(entity: Entity, file: string): Entity {
  const claimed = platformRepoFileLocation(FIXTURE_PLATFORM_REPO, file);
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        'backstage.io/managed-by-location': claimed,
        'backstage.io/managed-by-origin-location': claimed,
      },
    },
  };
}

// A complete cluster (default namespace, a name the repository does not have) and the
// `regulated` profile prd-euw1-search-01 names (the repository has none), both registered from
// a file location, both claiming to be platform-repository files.
const registered = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-registered-'));
const REGISTERED_FILE = path.join(registered, 'catalog-info.yaml');
fs.writeFileSync(
  REGISTERED_FILE,
  [
    forged(
      clusterEntity('prd-euw1-shadow-01', '10.72.0.0/16', '10.96.128.0/20'),
      platformRepoPaths.cluster('prd-euw1-shadow-01'),
    ),
    forged(
      profileEntity('regulated', '1.0.0'),
      platformRepoPaths.profile('regulated'),
    ),
  ]
    .map(entity => stringify(entity))
    .join('---\n'),
);

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
              // as the platform-repo provider emits them (FIXTURE_PLATFORM_REPO)
              entities: [...fleet, optedOut, ...profiles].map(entity => ({
                entity,
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
        mockServices.rootConfig.factory({
          data: {
            ...FIXTURE_PLATFORM_REPO_CONFIG,
            catalog: {
              ...FIXTURE_PLATFORM_REPO_CONFIG.catalog,
              // a catalog that lets any location add clusters and profiles
              rules: [{ allow: ['Location', 'Resource', 'ClusterProfile'] }],
              locations: [{ type: 'file', target: REGISTERED_FILE }],
            },
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await server.stop();
    fs.rmSync(registered, { recursive: true, force: true });
  });

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
      if (page.totalItems === fleet.length + 2 && profilesIn) {
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
      ok: 5,
      unknown: 1,
    });
  });

  it('shows what a registered location adds as ungoverned, whatever locations its YAML claims', async () => {
    const page = await fullFleet();
    const byName = (name: string) =>
      page.items.find(c => c.name === name) as ClusterLifecycle;
    expect(byName('prd-euw1-shadow-01')).toMatchObject({
      entityRef: 'resource:default/prd-euw1-shadow-01',
      governed: false,
      findings: [
        {
          code: 'ungoverned',
          severity: 'critical',
          message:
            'Not under fleet governance: it is not from the platform repository (the catalog records another origin for it).',
        },
      ],
    });
    // the registered `regulated` profile is never used
    expect(byName('prd-euw1-search-01')).toMatchObject({
      governed: true,
      findings: [
        expect.objectContaining({
          code: 'unknown-profile',
          message:
            'The profile clusterprofile:default/regulated is not from the platform repository, so it is not used.',
        }),
      ],
    });
    expect(byName('prd-euw1-search-01').profileCurrentVersion).toBeUndefined();
  });
});
