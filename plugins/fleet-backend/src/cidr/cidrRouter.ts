import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CidrReservationList,
  fleetCidrReservationDeletePermission,
  fleetClusterRequestPermission,
  fleetLifecycleReadPermission,
  RetiredClusterList,
} from '@fleet-portal/plugin-fleet-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { CidrService } from './CidrService';
import { parsePreviewRequest, parseReservationRequest } from './requests';

export type CidrRouterOptions = {
  httpAuth: HttpAuthService;
  auth: AuthService;
  permissions: PermissionsService;
  cidr: CidrService;
};

/**
 * The CIDR allocation API (see `api/cidr.ts` in fleet-common). Users need `fleet.cluster.request`;
 * backend plugins (the scaffolder module reserving for a task) call with their service token.
 * Releasing by hand needs a user holding `fleet.cidr.reservation.delete`.
 */
export function createCidrRouter(options: CidrRouterOptions): express.Router {
  const { httpAuth, auth, permissions, cidr } = options;
  const router = Router();
  router.use(express.json());

  async function callerOf(req: Request): Promise<BackstageCredentials> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (auth.isPrincipal(credentials, 'user')) {
      const [decision] = await permissions.authorize(
        [{ permission: fleetClusterRequestPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Missing permission ${fleetClusterRequestPermission.name}: only those who may request clusters can allocate CIDRs`,
        );
      }
    }
    return credentials;
  }

  function userRefOf(credentials: BackstageCredentials) {
    return auth.isPrincipal(credentials, 'user')
      ? credentials.principal.userEntityRef
      : undefined;
  }

  router.post('/cidr/preview', async (req, res) => {
    await callerOf(req);
    res.json(await cidr.preview(parsePreviewRequest(req.body)));
  });

  router.post('/cidr/reservations', async (req, res) => {
    const credentials = await callerOf(req);
    const request = parseReservationRequest(req.body, {
      userEntityRef: userRefOf(credentials),
    });
    const { reservation, created } = await cidr.reserve(request);
    res.status(created ? 201 : 200).json(reservation);
  });

  router.get('/cidr/reservations', async (req, res) => {
    await callerOf(req);
    const { cluster, status } = req.query;
    if (cluster !== undefined && typeof cluster !== 'string') {
      throw new InputError('cluster must be given once');
    }
    if (
      status !== undefined &&
      status !== 'pending' &&
      status !== 'confirmed'
    ) {
      throw new InputError(
        `status must be pending or confirmed, not ${String(status)}`,
      );
    }
    const body: CidrReservationList = {
      items: await cidr.list({ cluster, status }),
    };
    res.json(body);
  });

  // What the lifecycle page shows of retired clusters: readable with fleet.lifecycle.read.
  router.get('/cidr/retired', async (req, res) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    if (auth.isPrincipal(credentials, 'user')) {
      const [decision] = await permissions.authorize(
        [{ permission: fleetLifecycleReadPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Missing permission ${fleetLifecycleReadPermission.name}: only those who may see cluster lifecycles see retired clusters`,
        );
      }
    }
    const body: RetiredClusterList = { items: await cidr.retired() };
    res.json(body);
  });

  // Releasing address space someone else may be using: platform owners only, as themselves.
  router.delete('/cidr/reservations/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: fleetCidrReservationDeletePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Only platform owners may release CIDR reservations (permission ${fleetCidrReservationDeletePermission.name}); a pending reservation is released by itself when its proposal branch is deleted`,
      );
    }
    const reason = req.body?.reason;
    if (reason !== undefined && typeof reason !== 'string') {
      throw new InputError('reason must be text');
    }
    if (typeof reason === 'string' && reason.length > 1000) {
      throw new InputError('reason must be at most 1000 characters');
    }
    await cidr.release(req.params.id, {
      userEntityRef: credentials.principal.userEntityRef,
      reason,
    });
    res.status(204).end();
  });

  return router;
}
