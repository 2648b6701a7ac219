import { InputError, ServiceUnavailableError } from '@backstage/errors';
import {
  fleetHealthReadPermission,
  isDns1123Label,
} from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { PermissionGate } from '../service/permissionGate';
import { RolloutService } from './RolloutService';

export type RolloutRouterOptions = {
  gate: PermissionGate;
  rollouts?: RolloutService;
};

/**
 * The rollout API (see `api/rollout.ts` in fleet-common): profiles in rollout, and one profile's
 * waves with their gates. Both need `fleet.health.read`: a rollout view is health data about
 * clusters. Promoting is the scaffolder action's, with `fleet.rollout.promote`.
 */
export function createRolloutRouter(
  options: RolloutRouterOptions,
): express.Router {
  const { gate, rollouts } = options;
  const router = Router();

  async function service(req: express.Request): Promise<RolloutService> {
    await gate.credentials(req, fleetHealthReadPermission);
    if (!rollouts) {
      throw new ServiceUnavailableError('Rollouts are not available');
    }
    return rollouts;
  }

  router.get('/rollouts', async (req, res) => {
    res.json(await (await service(req)).list());
  });

  router.get('/rollouts/:profile', async (req, res) => {
    const rolloutService = await service(req);
    const { profile } = req.params;
    if (!isDns1123Label(profile)) {
      throw new InputError(
        `Invalid profile "${profile}": a profile of the platform repository is named by a DNS-1123 label (e.g. production)`,
      );
    }
    res.json(await rolloutService.view(profile));
  });

  return router;
}
