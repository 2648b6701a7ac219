import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { CidrConfig } from './cidrConfig';
import { CidrService } from './CidrService';

export const CIDR_SWEEP_TASK_ID = 'fleet-cidr-reservation-sweep';

/** Releases expired CIDR reservations and confirms those whose cluster reached the catalog. */
export async function scheduleCidrSweep(options: {
  scheduler: SchedulerService;
  config: CidrConfig;
  cidr: CidrService;
  logger: LoggerService;
}): Promise<void> {
  const { scheduler, config, cidr, logger } = options;
  await scheduler.scheduleTask({
    id: CIDR_SWEEP_TASK_ID,
    ...config.schedule,
    fn: async () => {
      const { released, confirmed } = await cidr.sweep();
      if (released.length > 0 || confirmed.length > 0) {
        logger.info(
          `CIDR reservations: ${confirmed.length} confirmed, ${released.length} expired and released`,
        );
      }
    },
  });
}
