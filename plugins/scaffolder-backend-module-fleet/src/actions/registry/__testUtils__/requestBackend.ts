import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import type { CidrReservationRequest } from '@fleet-portal/plugin-fleet-common';
import { TEST_PLATFORM_REPO } from '../../../__testUtils__/provenance';
import type { GitRemote } from '../../../__testUtils__/gitRemote';
import { scaffolderModuleFleet } from '../../../module';
import type { AnyTemplateAction } from '../InlineTask';

/** The demo personas (examples/org). */
export const PRIYA = 'user:default/priya.platform';
export const DEVON = 'user:default/devon.developer';
export const MORGAN = 'user:default/morgan.manager';

/**
 * The demo policy's answer for the personas: only Priya may request clusters and promote
 * rollouts, Morgan may not request namespaces; everything else is allowed.
 */
function personaPolicy(): PermissionsService {
  const decide = (credentials: BackstageCredentials, permission: string) => {
    const user = (credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    if (
      permission === 'fleet.cluster.request' ||
      permission === 'fleet.rollout.promote'
    ) {
      return user === PRIYA ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
    }
    if (permission === 'fleet.namespace.request') {
      return user === MORGAN ? AuthorizeResult.DENY : AuthorizeResult.ALLOW;
    }
    return AuthorizeResult.ALLOW;
  };
  return {
    async authorize(requests, { credentials }) {
      return requests.map(r => ({
        result: decide(credentials, r.permission.name),
      })) as any;
    },
    async authorizeConditional(requests, { credentials }) {
      return requests.map(r => ({
        result: decide(credentials, r.permission.name),
      })) as any;
    },
  };
}

/**
 * The fleet backend's CIDR API as a local HTTP fake (the real one is another plugin's): a
 * reservation gets the next /22 and /24 of the edge pools, a preview the blocks the next
 * reservation would get. Records every request.
 */
export async function startCidrApiFake() {
  const requests: Array<{
    path: string;
    body: CidrReservationRequest;
    authorization?: string;
  }> = [];
  const reservations = () =>
    requests.filter(r => r.path === '/api/fleet/cidr/reservations');
  const blocks = (n: number, body: Partial<CidrReservationRequest>) => ({
    podCidr: body.podCidr ?? `172.16.${4 * n}.0/22`,
    serviceCidr: body.serviceCidr ?? `172.24.${n}.0/24`,
  });
  const server = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const path = req.url ?? '';
    const body = JSON.parse(text || '{}');
    requests.push({ path, body, authorization: req.headers.authorization });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'POST' && path === '/api/fleet/cidr/reservations') {
      const n = reservations().length;
      const { podCidr, serviceCidr } = blocks(n, body);
      json(201, {
        id: `reservation-${n}`,
        cluster: body.cluster,
        profileRef: body.profileRef,
        podCidr,
        podPool: '172.16.0.0/13',
        serviceCidr,
        servicePool: '172.24.0.0/16',
        status: 'pending',
        requestedBy: body.requestedBy,
        createdAt: new Date().toISOString(),
      });
    } else if (req.method === 'POST' && path === '/api/fleet/cidr/preview') {
      const { podCidr, serviceCidr } = blocks(reservations().length + 1, body);
      json(200, {
        profileRef: body.profileRef,
        cluster: body.cluster,
        pod: {
          ok: true,
          role: 'pod',
          cidr: podCidr,
          pool: '172.16.0.0/13',
          source: 'allocated',
        },
        service: {
          ok: true,
          role: 'service',
          cidr: serviceCidr,
          pool: '172.24.0.0/16',
          source: 'allocated',
        },
      });
    } else {
      json(404, {
        error: { name: 'NotFoundError', message: `No route ${path}` },
      });
    }
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** The reservation requests received. */
    reservations,
    stop: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The scaffolder module in a test backend: its template actions (collected from the scaffolder's
 * extension point) and the request actions it registers in a mock actions registry, against a
 * catalog of `entities` from TEST_PLATFORM_REPO, a real bare platform repository, the persona
 * policy and the CIDR API at `cidrApiUrl`.
 */
export async function startRequestBackend(options: {
  repo: GitRemote;
  entities: Entity[];
  cidrApiUrl?: string;
}) {
  const registry = actionsRegistryServiceMock();
  const templateActions: AnyTemplateAction[] = [];
  const cidrApiUrl = options.cidrApiUrl ?? 'http://127.0.0.1:9';
  const backend = await startTestBackend({
    extensionPoints: [
      [
        scaffolderActionsExtensionPoint,
        {
          addActions: (...actions: AnyTemplateAction[]) =>
            templateActions.push(...actions),
        },
      ],
    ],
    features: [
      scaffolderModuleFleet,
      catalogServiceMock.factory({ entities: options.entities }),
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => personaPolicy(),
      }),
      createServiceFactory({
        service: coreServices.discovery,
        deps: {},
        factory: () => ({
          getBaseUrl: async (pluginId: string) =>
            `${cidrApiUrl}/api/${pluginId}`,
          getExternalBaseUrl: async (pluginId: string) =>
            `${cidrApiUrl}/api/${pluginId}`,
        }),
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'https://portal.example.com' },
          // the catalog's entities are from TEST_PLATFORM_REPO ...
          catalog: {
            providers: { fleetPlatformRepo: { ...TEST_PLATFORM_REPO } },
          },
          // ... and requests are committed to a real bare repository
          fleetPortal: { platformRepo: { remote: options.repo.remote } },
        },
      }),
    ],
  });
  return {
    backend,
    registry,
    templateActions,
    /** Invokes `scaffolder:<name>` as `user` through the registry's input and output validation. */
    invoke: (name: string, input: JsonObject, user: string) =>
      registry
        .invoke({
          id: `test:${name}`,
          input,
          credentials: mockCredentials.user(user),
        })
        .then(result => result.output as Record<string, any>),
  };
}
