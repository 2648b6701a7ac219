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
};

/**
 * GET /metrics: governance gauges, health ones for callers who may read fleet health, and
 * the platform repositories' state for callers who may read it.
 */
export function createMetricsRouter(
  options: MetricsRouterOptions,
): express.Router {
  const { gate, auth, inventory, health, platformRepos } = options;
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
    const healthFamilies =
      health && (await gate.allowed(credentials, fleetHealthReadPermission))
        ? healthMetricFamilies(await health.fleet(catalogCredentials))
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
    ]);
    res.type(contentType).send(body);
  });

  return router;
}
