import {
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';

/** The current instant; a service so that tests can fix "today". */
export type Clock = { now(): Date };

export const clockServiceRef = createServiceRef<Clock>({
  id: 'fleet.clock',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {},
      factory: () => ({ now: () => new Date() }),
    }),
});
