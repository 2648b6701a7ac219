import type {
  RolloutList,
  RolloutView,
} from '@fleet-portal/plugin-fleet-common';
import { fetchFleet, FleetFetchApis } from './fleetFetch';
import type { RolloutApi } from './RolloutApi';

export class RolloutClient implements RolloutApi {
  private readonly apis: FleetFetchApis;

  constructor(options: FleetFetchApis) {
    this.apis = options;
  }

  async listRollouts(): Promise<RolloutList> {
    return this.getJson('/rollouts');
  }

  async getRollout(profileName: string): Promise<RolloutView> {
    return this.getJson(`/rollouts/${encodeURIComponent(profileName)}`);
  }

  private async getJson<T>(path: string): Promise<T> {
    return (await fetchFleet(this.apis, path)).json();
  }
}
