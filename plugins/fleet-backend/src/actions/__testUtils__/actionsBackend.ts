import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/config';
import {
  FleetTestBackendOptions,
  startFleetTestBackend,
} from '../../__testUtils__/fleetTestBackend';

export const ALICE = 'user:default/alice';
/** A user the test policy grants no fleet permission. */
export const MALLORY = 'user:default/mallory';

/** Allows everything, except any fleet.* permission to MALLORY. */
function testPolicy(): PermissionsService {
  const decide = (credentials: BackstageCredentials, name: string) =>
    (credentials.principal as { userEntityRef?: string }).userEntityRef ===
      MALLORY && name.startsWith('fleet.')
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW;
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
 * The fleet plugin in a test backend (startFleetTestBackend) with a mock actions registry that
 * its actions are registered in, and a policy that denies MALLORY every fleet permission.
 */
export async function startActionsBackend(
  options: Omit<FleetTestBackendOptions, 'features'>,
) {
  const registry = actionsRegistryServiceMock();
  const context = await startFleetTestBackend({
    ...options,
    features: [
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => testPolicy(),
      }),
    ],
  });
  return {
    ...context,
    registry,
    /** Invokes `fleet:<name>` as `user`, through the registry's input and output validation. */
    invoke: (name: string, input: JsonObject, user = ALICE) =>
      registry.invoke({
        id: `test:${name}`,
        input,
        credentials: mockCredentials.user(user),
      }),
  };
}
