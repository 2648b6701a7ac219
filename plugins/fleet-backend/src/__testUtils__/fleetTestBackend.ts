import {
  BackendFeature,
  coreServices,
  createServiceFactory,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import { FIXTURE_PLATFORM_REPO_CONFIG } from '../__fixtures__/entities';
import { clockServiceRef } from '../clock';
import { fleetPlugin } from '../plugin';

export type FleetTestBackendOptions = {
  entities: Entity[];
  /** The calendar date the backend runs on. */
  today: string;
  /** Replaces the default send, which records every notification. */
  send?: (options: NotificationSendOptions) => Promise<void>;
  features?: BackendFeature[];
  /** Runs tasks only when triggered. */
  scheduler?: SchedulerService;
  /** The instant the backend runs at; default 08:00 UTC on `today`. */
  now?: Date;
  /**
   * Root config (e.g. `fleet.health`), on top of the platform-repo provider config that makes
   * the fixtures' entities governed.
   */
  config?: JsonObject;
};

/** The fleet plugin in a test backend with an in-memory catalog, a fixed clock and recorded notifications. */
export async function startFleetTestBackend(options: FleetTestBackendOptions) {
  const catalog = catalogServiceMock({ entities: options.entities });
  const streamEntities = jest.spyOn(catalog, 'streamEntities');
  const sent: NotificationSendOptions[] = [];
  const send = jest.fn(
    options.send ??
      (async (notification: NotificationSendOptions) => {
        sent.push(notification);
      }),
  );
  const scheduler = options.scheduler ?? mockServices.scheduler();
  const backend = await startTestBackend({
    features: [
      fleetPlugin,
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog,
      }),
      createServiceFactory({
        service: clockServiceRef,
        deps: {},
        factory: () => ({
          now: () => options.now ?? new Date(`${options.today}T08:00:00Z`),
        }),
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send }),
      }),
      createServiceFactory({
        service: coreServices.scheduler,
        deps: {},
        factory: () => scheduler,
      }),
      mockServices.rootConfig.factory({
        data: { ...FIXTURE_PLATFORM_REPO_CONFIG, ...options.config },
      }),
      ...(options.features ?? []),
    ],
  });
  return {
    backend,
    server: backend.server,
    streamEntities,
    scheduler,
    send,
    sent,
  };
}
