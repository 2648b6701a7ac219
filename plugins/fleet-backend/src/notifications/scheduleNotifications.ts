import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { LifecycleNotifier } from './LifecycleNotifier';

export const NOTIFICATIONS_TASK_ID = 'fleet-lifecycle-notifications';

const CONFIG_KEY = 'fleet.lifecycle.notifications';

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 15 },
};

/** Schedules the notifier unless `fleet.lifecycle.notifications.enabled` is false. */
export async function scheduleNotifications(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  notifier: LifecycleNotifier;
}): Promise<void> {
  const { config, scheduler, logger, notifier } = options;
  const settings = config.getOptionalConfig(CONFIG_KEY);
  if (settings?.getOptionalBoolean('enabled') === false) {
    logger.info('Lifecycle notifications are disabled');
    return;
  }
  const scheduleConfig = settings?.getOptionalConfig('schedule');
  await scheduler.scheduleTask({
    id: NOTIFICATIONS_TASK_ID,
    ...(scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE),
    fn: async () => {
      const { sent, failed } = await notifier.run();
      logger.info(
        `Lifecycle notifications: ${sent} sent, ${failed} failed (retried on the next run)`,
      );
    },
  });
}
