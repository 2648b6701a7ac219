import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseCidr } from '@fleet-portal/plugin-fleet-common';
import { Occupant } from './occupancy';

export type CidrConfig = {
  /** Enterprise ranges no cluster may use, as occupants named by their description. */
  reservedRanges: Occupant[];
  reservationTtlMinutes: number;
  /** How long a retired cluster's confirmed reservation outlives the cluster in the catalog, ms. */
  retiredGracePeriodMs: number;
  /** How long the catalog's clusters are reused between allocations, ms. */
  catalogSnapshotMs: number;
  schedule: SchedulerServiceTaskScheduleDefinition;
};

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 2 },
  initialDelay: { seconds: 30 },
};

/** Reads `fleet.cidr`; a bad reserved range stops the backend at start, naming the entry. */
export function readCidrConfig(config: RootConfigService): CidrConfig {
  const cidr = config.getOptionalConfig('fleet.cidr');
  const reservedRanges = (
    cidr?.getOptionalConfigArray('reservedRanges') ?? []
  ).map((entry, index) => {
    const text = entry.getString('cidr');
    const parsed = parseCidr(text);
    if (!parsed.ok) {
      throw new Error(
        `Invalid fleet.cidr.reservedRanges[${index}].cidr: ${parsed.reason}`,
      );
    }
    return {
      cidr: parsed.cidr,
      kind: 'reserved-range' as const,
      name: entry.getOptionalString('description') ?? parsed.cidr.text,
    };
  });
  const ttl = cidr?.getOptionalNumber('reservationTtlMinutes') ?? 24 * 60;
  if (!Number.isInteger(ttl) || ttl <= 0) {
    throw new Error(
      `Invalid fleet.cidr.reservationTtlMinutes: ${ttl} is not a positive whole number of minutes`,
    );
  }
  const grace = cidr?.getOptionalNumber('retiredGracePeriodDays') ?? 7;
  if (!Number.isFinite(grace) || grace < 0) {
    throw new Error(
      `Invalid fleet.cidr.retiredGracePeriodDays: ${grace} is not a number of days of 0 or more`,
    );
  }
  return {
    reservedRanges,
    reservationTtlMinutes: ttl,
    retiredGracePeriodMs: grace * 24 * 60 * 60 * 1000,
    catalogSnapshotMs:
      (cidr?.getOptionalNumber('catalogSnapshotSeconds') ?? 10) * 1000,
    schedule: cidr?.has('schedule')
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
          cidr.getConfig('schedule'),
        )
      : DEFAULT_SCHEDULE,
  };
}
