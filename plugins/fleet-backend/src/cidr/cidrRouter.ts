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
  fleetClusterRequestPermission,
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

  router.delete('/cidr/reservations/:id', async (req, res) => {
    await callerOf(req);
    await cidr.release(req.params.id);
    res.status(204).end();
  });

  return router;
}
