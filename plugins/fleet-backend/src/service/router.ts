import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  fleetHealthReadPermission,
  fleetLifecycleReadPermission,
} from '@fleet-portal/plugin-fleet-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { lifecycleCsv } from '../lifecycle/csv';
import {
  filterClusters,
  lifecyclePage,
  selectClusters,
} from '../lifecycle/query';
import { lifecycleSchedule } from '../lifecycle/schedule';
import { refKey } from '../lifecycle/refs';
import { renderExposition } from '../metrics/exposition';
import { governanceMetricFamilies } from '../metrics/governanceMetrics';
import { healthMetricFamilies } from '../metrics/healthMetrics';
import { HealthService } from '../health/HealthService';
import { createCidrRouter } from '../cidr/cidrRouter';
import { CidrService } from '../cidr/CidrService';
import { FleetInventory } from './FleetInventory';
import { parseLifecycleQuery, parseScheduleQuery } from './queryParams';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  inventory: FleetInventory;
  /** Absent when `fleet.health` configures no metrics source. */
  health?: HealthService;
  /** The CIDR allocation routes under /cidr; absent in tests of other routes. */
  cidr?: CidrService;
};

export async function createRouter({
  httpAuth,
  auth,
  permissions,
  inventory,
  health,
  cidr,
}: RouterOptions): Promise<express.Router> {
  const router = Router();

  /** The caller's credentials, once allowed `permission` (lifecycle data unless said otherwise). */
  async function authorizedCredentials(
    req: Request,
    permission: BasicPermission = fleetLifecycleReadPermission,
  ): Promise<BackstageCredentials> {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  }

  async function allowed(
    credentials: BackstageCredentials,
    permission: BasicPermission,
  ): Promise<boolean> {
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  function healthService(): HealthService {
    if (!health) {
      throw new ServiceUnavailableError(
        'Fleet health is not configured: add a metrics source under fleet.health.sources',
      );
    }
    return health;
  }

  router.get('/health/fleet', async (req, res) => {
    const credentials = await authorizedCredentials(
      req,
      fleetHealthReadPermission,
    );
    res
      .type('application/json')
      .send(await healthService().fleetJson(credentials));
  });

  router.get('/health/clusters/:namespace/:name', async (req, res) => {
    const credentials = await authorizedCredentials(
      req,
      fleetHealthReadPermission,
    );
    const { namespace, name } = req.params;
    res.json(
      await healthService().cluster(
        credentials,
        refKey(`resource:${namespace}/${name}`),
      ),
    );
  });

  router.get('/lifecycle/clusters', async (req, res) => {
    const credentials = await authorizedCredentials(req);
    const query = parseLifecycleQuery(req.query);
    const { clusters, judge } = await inventory.snapshot(credentials);
    res.json(lifecyclePage(clusters, query, judge));
  });

  router.get('/lifecycle/clusters/export.csv', async (req, res) => {
    const credentials = await authorizedCredentials(req);
    const query = parseLifecycleQuery(req.query);
    const { clusters, judge } = await inventory.snapshot(credentials);
    res
      .type('text/csv; charset=utf-8')
      .attachment('fleet-lifecycle.csv')
      .send(lifecycleCsv(judge(selectClusters(clusters, query))));
  });

  router.get('/lifecycle/clusters/:namespace/:name', async (req, res) => {
    const { namespace, name } = req.params;
    const wanted = refKey(`resource:${namespace}/${name}`);
    const { clusters, judge } = await inventory.snapshot(
      await authorizedCredentials(req),
    );
    const cluster = clusters.find(c => refKey(c.entityRef) === wanted);
    if (!cluster) {
      throw new NotFoundError(`No cluster resource:${namespace}/${name}`);
    }
    res.json(judge([cluster])[0]);
  });

  router.get('/lifecycle/schedule', async (req, res) => {
    const credentials = await authorizedCredentials(req);
    const { months, ...filters } = parseScheduleQuery(req.query);
    const { today, clusters } = await inventory.snapshot(credentials);
    res.json(
      lifecycleSchedule(filterClusters(clusters, filters), today, months),
    );
  });

  router.get('/metrics', async (req, res) => {
    const credentials = await authorizedCredentials(req);
    // A scraper is a service principal whose token may be restricted to this plugin and so cannot be
    // forwarded to the catalog: read as the plugin itself. A user still sees only their own clusters.
    const catalogCredentials = auth.isPrincipal(credentials, 'service')
      ? await auth.getOwnServiceCredentials()
      : credentials;
    const { clusters, judge } = await inventory.snapshot(catalogCredentials);
    // Health verdicts come from the cached fleet snapshot: a scrape never queries per cluster.
    // ... and only to callers also allowed to read fleet health.
    const healthFamilies =
      health && (await allowed(credentials, fleetHealthReadPermission))
        ? healthMetricFamilies(await health.fleet(catalogCredentials))
        : [];
    const { contentType, body } = await renderExposition([
      ...governanceMetricFamilies(judge(clusters)),
      ...healthFamilies,
    ]);
    res.type(contentType).send(body);
  });

  if (cidr) {
    router.use(createCidrRouter({ httpAuth, auth, permissions, cidr }));
  }

  return router;
}
