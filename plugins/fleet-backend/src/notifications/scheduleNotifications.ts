import {
  LoggerService,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { LifecycleNotifier } from './LifecycleNotifier';

export const NOTIFICATIONS_TASK_ID = 'fleet-lifecycle-notifications';

const CONFIG_KEY = 'fleet.lifecycle.notifications';

const DEFAULT_TIMEOUT = { minutes: 15 };

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: DEFAULT_TIMEOUT,
};

type Duration = ReturnType<typeof readDurationFromConfig>;

/** Milliseconds of a duration as config gives it (months and years at their shortest). */
function durationMs(duration: Duration): number {
  const {
    years = 0,
    months = 0,
    weeks = 0,
    days = 0,
    hours = 0,
    minutes = 0,
    seconds = 0,
    milliseconds = 0,
  } = duration;
  const totalDays = years * 365 + months * 28 + weeks * 7 + days;
  return (
    ((totalDays * 24 + hours) * 60 + minutes) * 60_000 +
    seconds * 1000 +
    milliseconds
  );
}

/** Schedules the notifier unless `fleet.lifecycle.notifications.enabled` is false. */
export async function scheduleNotifications(options: {
  config: RootConfigService;
  scheduler: SchedulerService;
  logger: LoggerService;
  /** The lifecycle notifier, or several notifiers run by one task. */
  notifier: Pick<LifecycleNotifier, 'run'>;
}): Promise<void> {
  const { config, scheduler, logger, notifier } = options;
  const settings = config.getOptionalConfig(CONFIG_KEY);
  if (settings?.getOptionalBoolean('enabled') === false) {
    logger.info('Lifecycle notifications are disabled');
    return;
  }
  const scheduleConfig = settings?.getOptionalConfig('schedule');
  // a claim unsent after the task's timeout belonged to a run the scheduler has given up on
  const claimTimeoutMs = scheduleConfig
    ? durationMs(readDurationFromConfig(scheduleConfig, { key: 'timeout' }))
    : durationMs(DEFAULT_TIMEOUT);
  await scheduler.scheduleTask({
    id: NOTIFICATIONS_TASK_ID,
    ...(scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_SCHEDULE),
    fn: async () => {
      const { sent, failed } = await notifier.run({ claimTimeoutMs });
      logger.info(
        `Lifecycle notifications: ${sent} sent, ${failed} failed (retried on the next run)`,
      );
    },
  });
}
