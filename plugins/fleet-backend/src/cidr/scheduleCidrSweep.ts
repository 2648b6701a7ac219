import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { CidrConfig } from './cidrConfig';
import { CidrService } from './CidrService';

export const CIDR_SWEEP_TASK_ID = 'fleet-cidr-reservation-sweep';

/** Confirms, holds and releases CIDR reservations as their proposals and clusters move (CidrService.sweep). */
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
      const { released, confirmed, held } = await cidr.sweep();
      if (released.length > 0 || confirmed.length > 0 || held.length > 0) {
        logger.info(
          `CIDR reservations: ${confirmed.length} confirmed, ${released.length} released, ${held.length} past their expiry held for an open proposal`,
        );
      }
    },
  });
}
