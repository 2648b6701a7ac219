import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  RolloutList,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';

/** The rollout API of the fleet backend. Every method throws a ResponseError on a non-2xx answer. */
export interface RolloutApi {
  /** Every governed profile with its progress per wave (small: no clusters, no gates). */
  listRollouts(): Promise<RolloutList>;
  /**
   * One profile's rollout: its waves in order with their clusters and the judged gates; throws a
   * ResponseError with status 404 when the backend does not know the profile.
   */
  getRollout(profileName: string): Promise<RolloutView>;
}

export const rolloutApiRef = createApiRef<RolloutApi>().with({
  id: 'plugin.fleet.rollout',
  pluginId: 'fleet',
});
