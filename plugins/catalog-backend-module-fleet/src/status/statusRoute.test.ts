import {
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { PlatformRepoStatusList } from '@fleet-portal/plugin-fleet-common';
import {
  eventually,
  startCatalogBackend,
} from '../__testUtils__/catalogBackend';
import { TestGitRepository } from '../__testUtils__/gitRepository';
import {
  aliasBombClusterYaml,
  clusterPath,
  clusterYaml,
  profilePath,
  profileYaml,
} from '../__testUtils__/platformRepo';

jest.setTimeout(60_000);

const A = 'prd-euw1-payments-01';
const BOMB = 'prd-euw1-bomb-01';
const PRIYA = 'user:default/priya.platform';
const DEVON = 'user:default/devon.developer';
const ROUTE = '/api/catalog/fleet/platform-repositories';

type Decision = Awaited<ReturnType<PermissionsService['authorize']>>[number];

/**
 * A permission policy in miniature: fleet.platformRepo.read for Priya (a platform
 * owner) and services only; everything else allowed. (Decisions are the permission
 * framework's string values, which this package does not import.)
 */
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: { auth: coreServices.auth },
  factory: ({ auth }): PermissionsService => ({
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => {
        const allowed =
          permission.name !== 'fleet.platformRepo.read' ||
          auth.isPrincipal(credentials, 'service') ||
          (auth.isPrincipal(credentials, 'user') &&
            credentials.principal.userEntityRef === PRIYA);
        return { result: allowed ? 'ALLOW' : 'DENY' } as Decision;
      });
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: 'ALLOW' } as Decision));
    },
  }),
});

describe('GET /api/catalog/fleet/platform-repositories', () => {
  let repo: TestGitRepository;
  let catalog: Awaited<ReturnType<typeof startCatalogBackend>>;
  let commit: string;

  beforeAll(async () => {
    repo = TestGitRepository.create();
    commit = repo.commit('fleet with a bomb', {
      [profilePath('production')]: profileYaml('production'),
      [clusterPath(A)]: clusterYaml(A),
      [clusterPath(BOMB)]: aliasBombClusterYaml(BOMB),
    });
    catalog = await startCatalogBackend({
      config: {
        catalog: {
          providers: {
            fleetPlatformRepo: {
              demo: { remote: repo.remote, workDir: repo.workDir },
            },
          },
        },
      },
      features: [permissions],
    });
    await catalog.runTask('FleetPlatformRepoProvider:demo:refresh');
  });

  afterAll(async () => {
    await catalog?.backend.stop();
    repo?.remove();
  });

  const get = (authorization: string) =>
    fetch(`${catalog.baseUrl}${ROUTE}`, {
      headers: { Authorization: authorization },
    });

  it('refuses users without fleet.platformRepo.read with a 403 that says why', async () => {
    const response = await get(mockCredentials.user.header(DEVON));
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.error).toMatchObject({
      name: 'NotAllowedError',
      message:
        'Seeing the state of the platform repositories needs the fleet.platformRepo.read permission',
    });
  });

  it('shows platform owners what was read and every skipped file with its reason', async () => {
    const response = await get(mockCredentials.user.header(PRIYA));
    expect(response.status).toBe(200);
    const body = (await response.json()) as PlatformRepoStatusList;
    expect(body).toEqual({
      items: [
        {
          id: 'demo',
          remote: repo.remote,
          branch: 'main',
          lastAttemptAt: expect.any(String),
          lastRead: {
            commit,
            at: expect.any(String),
            entities: { profiles: 1, clusters: 1, namespaces: 0 },
            skippedFiles: 1,
            problems: [
              {
                path: clusterPath(BOMB),
                line: 7,
                reason:
                  'invalid YAML: its aliases (such as *l0) expand to more data than an entity file may hold; write the values out instead',
                lastGoodKept: false,
              },
            ],
          },
        },
      ],
    });
  });

  it('answers services too (the fleet backend reads it for its metrics)', async () => {
    const response = await get(mockCredentials.service.header());
    expect(response.status).toBe(200);
  });

  it('leaves the catalog routes alone', async () => {
    await eventually(async () =>
      expect(await catalog.entity(`resource:default/${A}`)).toMatchObject({
        metadata: { name: A },
      }),
    );
  });
});
