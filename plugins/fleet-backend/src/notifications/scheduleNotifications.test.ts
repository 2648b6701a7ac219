import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/config';
import { TODAY } from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';
import { NOTIFICATIONS_TASK_ID } from './scheduleNotifications';

/** The notification tasks the plugin schedules with the given config (it schedules others too). */
async function scheduledTasks(config: JsonObject) {
  const scheduler = mockServices.scheduler();
  const scheduleTask = jest.spyOn(scheduler, 'scheduleTask');
  const { backend } = await startFleetTestBackend({
    entities: [],
    today: TODAY,
    scheduler,
    config,
  });
  await backend.stop();
  return scheduleTask.mock.calls
    .filter(([{ id }]) => id === NOTIFICATIONS_TASK_ID)
    .map(([{ id, frequency, timeout }]) => ({ id, frequency, timeout }));
}

describe('notification task configuration', () => {
  it('is scheduled by default', async () => {
    expect(await scheduledTasks({})).toEqual([
      {
        id: NOTIFICATIONS_TASK_ID,
        frequency: { hours: 1 },
        timeout: { minutes: 15 },
      },
    ]);
  });

  it('takes its schedule from config', async () => {
    expect(
      await scheduledTasks({
        fleet: {
          lifecycle: {
            notifications: {
              schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
            },
          },
        },
      }),
    ).toEqual([
      {
        id: NOTIFICATIONS_TASK_ID,
        frequency: { minutes: 30 },
        timeout: { minutes: 5 },
      },
    ]);
  });

  it('is not scheduled when disabled', async () => {
    expect(
      await scheduledTasks({
        fleet: { lifecycle: { notifications: { enabled: false } } },
      }),
    ).toEqual([]);
  });
});
