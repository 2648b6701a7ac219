import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { createCidrRouter } from '../cidr/cidrRouter';
import { CidrService } from '../cidr/CidrService';
import { createHealthRouter } from '../health/healthRouter';
import { HealthService } from '../health/HealthService';
import { createLifecycleRouter } from '../lifecycle/lifecycleRouter';
import { createMetricsRouter } from '../metrics/metricsRouter';
import { createRolloutRouter } from '../rollout/rolloutRouter';
import { RolloutService } from '../rollout/RolloutService';
import type { PlatformRepoStatusReader } from '../metrics/platformRepoMetrics';
import { FleetInventory } from './FleetInventory';
import { permissionGate } from './permissionGate';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  inventory: FleetInventory;
  /** Absent when `fleet.health` configures no metrics source. */
  health?: HealthService;
  /** The CIDR allocation routes under /cidr; absent in tests of other routes. */
  cidr?: CidrService;
  /** The platform repositories' state for /metrics, from the catalog module. */
  platformRepos?: PlatformRepoStatusReader;
  /** Profile rollouts under /rollouts; absent in tests of other routes. */
  rollouts?: RolloutService;
};

/** The fleet backend's API: one router per concern. */
export async function createRouter({
  httpAuth,
  auth,
  permissions,
  inventory,
  health,
  cidr,
  platformRepos,
  rollouts,
}: RouterOptions): Promise<express.Router> {
  const gate = permissionGate(httpAuth, permissions);
  const router = Router();
  router.use(createHealthRouter({ gate, health }));
  router.use(createLifecycleRouter({ gate, inventory }));
  router.use(createRolloutRouter({ gate, rollouts }));
  router.use(
    createMetricsRouter({
      gate,
      auth,
      inventory,
      health,
      platformRepos,
      rollouts,
    }),
  );
  if (cidr) {
    router.use(createCidrRouter({ httpAuth, auth, permissions, cidr }));
  }
  return router;
}
