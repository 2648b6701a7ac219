import {
  EntityClusterHealthContent,
  EntityClusterOverviewCard,
  EntityClusterProfileContent,
  EntityNamespaceHealthCard,
  EntityTenantNamespaceCard,
  FleetHealthPage,
  FleetLifecyclePage,
  EntityClusterProfileRolloutContent,
  FleetPlatformRepositoryPage,
  FleetRolloutsPage,
  fleetPlugin,
  isClusterEntity,
} from './index';

describe('fleet plugin (legacy frontend system)', () => {
  it('has the plugin id fleet and provides the fleet API', () => {
    expect(fleetPlugin.getId()).toBe('fleet');
    expect([...fleetPlugin.getApis()].map(factory => factory.api.id)).toEqual([
      'plugin.fleet.api',
      'plugin.fleet.health',
      'plugin.fleet.platform-repo',
      'plugin.fleet.rollout',
    ]);
  });

  it('exports the page, the cards, the profile content and the guards', () => {
    for (const extension of [
      FleetLifecyclePage,
      EntityClusterOverviewCard,
      EntityTenantNamespaceCard,
      EntityClusterProfileContent,
      FleetHealthPage,
      EntityClusterHealthContent,
      EntityNamespaceHealthCard,
      FleetPlatformRepositoryPage,
      FleetRolloutsPage,
      EntityClusterProfileRolloutContent,
    ]) {
      expect(extension).toEqual(expect.any(Function));
    }
    expect(isClusterEntity).toEqual(expect.any(Function));
  });
});
