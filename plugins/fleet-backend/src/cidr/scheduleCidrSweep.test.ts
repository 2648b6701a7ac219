import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/config';
import { TODAY } from '../__fixtures__/entities';
import { startFleetTestBackend } from '../__testUtils__/fleetTestBackend';
import { CIDR_SWEEP_TASK_ID } from './scheduleCidrSweep';

async function sweepSchedule(config: JsonObject) {
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
    .filter(([{ id }]) => id === CIDR_SWEEP_TASK_ID)
    .map(([{ frequency, timeout }]) => ({ frequency, timeout }));
}

describe('CIDR reservation sweep schedule', () => {
  it('runs every 5 minutes by default', async () => {
    expect(await sweepSchedule({})).toEqual([
      { frequency: { minutes: 5 }, timeout: { minutes: 2 } },
    ]);
  });

  it('takes its schedule from config', async () => {
    expect(
      await sweepSchedule({
        fleet: {
          cidr: {
            schedule: { frequency: { minutes: 1 }, timeout: { seconds: 30 } },
          },
        },
      }),
    ).toEqual([{ frequency: { minutes: 1 }, timeout: { seconds: 30 } }]);
  });

  it('stops the backend at start on a bad reserved range, naming the entry', async () => {
    await expect(
      sweepSchedule({
        fleet: { cidr: { reservedRanges: [{ cidr: '10.0.0.1/8' }] } },
      }),
    ).rejects.toThrow(
      'Invalid fleet.cidr.reservedRanges[0].cidr: 10.0.0.1/8 has host bits set; the network address would be 10.0.0.0/8',
    );
  });
});
