import { AuthService } from '@backstage/backend-plugin-api';
import {
  fleetHealthReadPermission,
  fleetLifecycleReadPermission,
  fleetPlatformRepoReadPermission,
} from '@fleet-portal/plugin-fleet-common';
import express from 'express';
import Router from 'express-promise-router';
import { HealthService } from '../health/HealthService';
import { FleetInventory } from '../service/FleetInventory';
import { PermissionGate } from '../service/permissionGate';
import { renderExposition } from './exposition';
import { governanceMetricFamilies } from './governanceMetrics';
import { healthMetricFamilies } from './healthMetrics';
import { RolloutService } from '../rollout/RolloutService';
import { rolloutGateFamilies, rolloutProgressFamily } from './rolloutMetrics';
import {
  PlatformRepoStatusReader,
  readPlatformRepoMetricFamilies,
} from './platformRepoMetrics';

export type MetricsRouterOptions = {
  gate: PermissionGate;
  auth: AuthService;
  inventory: FleetInventory;
  health?: HealthService;
  /** The state of the platform repositories, from the catalog module. */
  platformRepos?: PlatformRepoStatusReader;
  /** Profile rollouts: progress per wave, and gates for callers who may read fleet health. */
  rollouts?: RolloutService;
};

/**
 * GET /metrics: governance gauges, health ones for callers who may read fleet health, and
 * the platform repositories' state for callers who may read it.
 */
export function createMetricsRouter(
  options: MetricsRouterOptions,
): express.Router {
  const { gate, auth, inventory, health, platformRepos, rollouts } = options;
  const router = Router();

  router.get('/metrics', async (req, res) => {
    const credentials = await gate.credentials(
      req,
      fleetLifecycleReadPermission,
    );
    // A scraper is a service principal whose token may be restricted to this plugin and so cannot be
    // forwarded to the catalog: read as the plugin itself. A user still sees only their own clusters.
    const catalogCredentials = auth.isPrincipal(credentials, 'service')
      ? await auth.getOwnServiceCredentials()
      : credentials;
    const { clusters, judge } = await inventory.snapshot(catalogCredentials);
    // Health verdicts come from the cached fleet snapshot: a scrape never queries per cluster.
    // ... and only to callers also allowed to read fleet health.
    const mayReadHealth = await gate.allowed(
      credentials,
      fleetHealthReadPermission,
    );
    const healthFamilies =
      health && mayReadHealth
        ? healthMetricFamilies(await health.fleet(catalogCredentials))
        : [];
    const rolloutFamilies = rollouts
      ? await rolloutMetricFamilies(rollouts, mayReadHealth)
      : [];
    const platformRepoFamilies =
      platformRepos &&
      (await gate.allowed(credentials, fleetPlatformRepoReadPermission))
        ? await readPlatformRepoMetricFamilies(platformRepos)
        : [];
    const { contentType, body } = await renderExposition([
      ...governanceMetricFamilies(judge(clusters)),
      ...healthFamilies,
      ...platformRepoFamilies,
      ...rolloutFamilies,
    ]);
    res.type(contentType).send(body);
  });

  return router;
}

/**
 * Progress per wave for every caller; the gates (judged from the metrics history, cached for the
 * health round) only for callers who may read fleet health, and only of profiles in rollout.
 */
async function rolloutMetricFamilies(
  rollouts: RolloutService,
  withGates: boolean,
) {
  const list = await rollouts.list();
  if (!withGates) return [rolloutProgressFamily(list)];
  const views = await Promise.all(
    list.items
      .filter(item => item.inRollout)
      .map(item => rollouts.view(item.profileName)),
  );
  return [rolloutProgressFamily(list), rolloutGateFamilies(views)];
}
