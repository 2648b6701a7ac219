import { NotFoundError } from '@backstage/errors';
import { fleetLifecycleReadPermission } from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { FleetInventory } from '../service/FleetInventory';
import { PermissionGate } from '../service/permissionGate';
import {
  parseLifecycleQuery,
  parseScheduleQuery,
} from '../service/queryParams';
import { lifecycleCsv } from './csv';

export type LifecycleRouterOptions = {
  gate: PermissionGate;
  inventory: FleetInventory;
};

/**
 * The lifecycle API (see `api/lifecycle.ts` in fleet-common), served from the caller's indexed
 * catalog view (FleetInventory.lifecycle). Every route needs `fleet.lifecycle.read`.
 */
export function createLifecycleRouter(
  options: LifecycleRouterOptions,
): express.Router {
  const { gate, inventory } = options;
  const router = Router();
  const indexFor = async (req: express.Request) =>
    inventory.lifecycle(
      await gate.credentials(req, fleetLifecycleReadPermission),
    );

  router.get('/lifecycle/clusters', async (req, res) => {
    const index = await indexFor(req);
    res.json(index.page(parseLifecycleQuery(req.query)));
  });

  router.get('/lifecycle/clusters/export.csv', async (req, res) => {
    const index = await indexFor(req);
    const query = parseLifecycleQuery(req.query);
    res
      .type('text/csv; charset=utf-8')
      .attachment('fleet-lifecycle.csv')
      .send(lifecycleCsv(index.judge(index.select(query))));
  });

  router.get('/lifecycle/clusters/:namespace/:name', async (req, res) => {
    const index = await indexFor(req);
    const { namespace, name } = req.params;
    const cluster = index.cluster(`resource:${namespace}/${name}`);
    if (!cluster) {
      throw new NotFoundError(`No cluster resource:${namespace}/${name}`);
    }
    res.json(index.judge([cluster])[0]);
  });

  router.get('/lifecycle/schedule', async (req, res) => {
    const index = await indexFor(req);
    const { months, ...filters } = parseScheduleQuery(req.query);
    res.json(index.schedule(filters, months));
  });

  return router;
}
