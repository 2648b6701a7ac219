import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import request from 'supertest';
import { fleet, profiles, TODAY } from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';
import { statusList } from './__fixtures__/platformRepos';

const DEVON = 'user:default/devon.developer';

/**
 * The catalog plugin as far as /metrics needs it: the fleet module's state route, on the
 * same test backend, answering as told and recording who asked.
 */
function fakeCatalog(answer: { status: number; body: unknown }) {
  const callers: string[] = [];
  const plugin = createBackendPlugin({
    pluginId: 'catalog',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          httpRouter.use(async (req, res, next) => {
            if (req.path !== '/fleet/platform-repositories') {
              next();
              return;
            }
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            callers.push(credentials.principal.subject);
            res.status(answer.status).json(answer.body);
          });
        },
      });
    },
  });
  return { plugin, callers };
}

/** fleet.platformRepo.read for everyone but Devon; everything else allowed. */
const permissions = createServiceFactory({
  service: coreServices.permissions,
  deps: { auth: coreServices.auth },
  factory: ({ auth }): PermissionsService => ({
    async authorize(requests, { credentials }) {
      return requests.map(({ permission }) => ({
        result:
          permission.name === 'fleet.platformRepo.read' &&
          auth.isPrincipal(credentials, 'user') &&
          credentials.principal.userEntityRef === DEVON
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      }));
    },
    async authorizeConditional(requests) {
      return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
    },
  }),
});

async function scrape(
  answer: { status: number; body: unknown },
  authorization = mockCredentials.service.header(),
) {
  const catalog = fakeCatalog(answer);
  const context = await startFleetTestBackend({
    entities: [...fleet, ...profiles],
    today: TODAY,
    features: [catalog.plugin, permissions],
  });
  try {
    const res = await request(context.server)
      .get('/api/fleet/metrics')
      .set('Authorization', authorization);
    expect(res.status).toBe(200);
    const families = new Map(
      parsePrometheusTextFormat(res.text).map(f => [f.name, f]),
    );
    return { families, callers: catalog.callers };
  } finally {
    await context.backend.stop();
  }
}

const platformRepoFamilies = (families: Map<string, unknown>) =>
  [...families.keys()].filter(name => name.startsWith('fleet_platform_repo'));

describe('GET /metrics with the platform repositories', () => {
  it('adds their state, read from the catalog as the fleet plugin', async () => {
    const { families, callers } = await scrape({
      status: 200,
      body: statusList,
    });
    expect(callers).toEqual(['plugin:fleet']);
    expect(platformRepoFamilies(families).sort()).toEqual([
      'fleet_platform_repo_entities',
      'fleet_platform_repo_info',
      'fleet_platform_repo_last_attempt_timestamp_seconds',
      'fleet_platform_repo_last_read_timestamp_seconds',
      'fleet_platform_repo_read_failing',
      'fleet_platform_repo_skipped_files',
      'fleet_platform_repo_status_up',
    ]);
    expect(families.get('fleet_platform_repo_skipped_files')!.metrics).toEqual([
      { labels: { provider: 'demo' }, value: '2' },
    ]);
    expect(families.get('fleet_platform_repo_status_up')!.metrics).toEqual([
      { value: '1' },
    ]);
    // the governance gauges are still there
    expect(families.has('fleet_cluster_review_overdue')).toBe(true);
  });

  it('says when the catalog could not be asked, and still answers', async () => {
    const { families } = await scrape({
      status: 500,
      body: { error: { name: 'Error', message: 'database down' } },
    });
    expect(platformRepoFamilies(families)).toEqual([
      'fleet_platform_repo_status_up',
    ]);
    expect(families.get('fleet_platform_repo_status_up')!.metrics).toEqual([
      { value: '0' },
    ]);
    expect(families.has('fleet_clusters')).toBe(true);
  });

  it('leaves them out for callers without fleet.platformRepo.read', async () => {
    const { families, callers } = await scrape(
      { status: 200, body: statusList },
      mockCredentials.user.header(DEVON),
    );
    expect(platformRepoFamilies(families)).toEqual([]);
    expect(callers).toEqual([]);
  });
});
