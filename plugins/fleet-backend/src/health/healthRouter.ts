import { ServiceUnavailableError } from '@backstage/errors';
import { fleetHealthReadPermission } from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { refKey } from '../lifecycle/refs';
import { PermissionGate } from '../service/permissionGate';
import { HealthService } from './HealthService';
import { parseHealthClusterQuery, parseHealthGridQuery } from './healthQuery';

export type HealthRouterOptions = {
  gate: PermissionGate;
  /** Absent when `fleet.health` configures no metrics source: every route answers 503. */
  health?: HealthService;
};

/**
 * The fleet health API (see `api/health.ts` in fleet-common). The views (summary, a page, a grid
 * chunk) come from the caller's judged and indexed view of the round; the export sends the whole
 * snapshot. Every route needs `fleet.health.read`.
 */
export function createHealthRouter(
  options: HealthRouterOptions,
): express.Router {
  const { gate, health } = options;
  const router = Router();

  async function allowed(req: express.Request) {
    const credentials = await gate.credentials(req, fleetHealthReadPermission);
    if (!health) {
      throw new ServiceUnavailableError(
        'Fleet health is not configured: add a metrics source under fleet.health.sources',
      );
    }
    return { credentials, health };
  }
  const signalIds = (service: HealthService) => service.signals.map(s => s.id);

  router.get('/health/summary', async (req, res) => {
    const { credentials, health: service } = await allowed(req);
    res.json((await service.view(credentials)).summary());
  });

  router.get('/health/clusters', async (req, res) => {
    const { credentials, health: service } = await allowed(req);
    const query = parseHealthClusterQuery(req.query, signalIds(service));
    res.json((await service.view(credentials)).page(query));
  });

  router.get('/health/grid', async (req, res) => {
    const { credentials, health: service } = await allowed(req);
    const query = parseHealthGridQuery(req.query, signalIds(service));
    res.json((await service.view(credentials)).grid(query));
  });

  router.get('/health/fleet', async (req, res) => {
    const { credentials, health: service } = await allowed(req);
    res.type('application/json').send(await service.fleetJson(credentials));
  });

  router.get('/health/clusters/:namespace/:name', async (req, res) => {
    const { credentials, health: service } = await allowed(req);
    const { namespace, name } = req.params;
    res.json(
      await service.cluster(
        credentials,
        refKey(`resource:${namespace}/${name}`),
      ),
    );
  });

  return router;
}
