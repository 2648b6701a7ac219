import { fleetPermissions } from './permissions';

describe('fleet permissions', () => {
  it('have stable names and actions', () => {
    expect(
      fleetPermissions.map(p => [p.name, p.attributes.action, p.type]),
    ).toEqual([
      ['fleet.health.read', 'read', 'basic'],
      ['fleet.lifecycle.read', 'read', 'basic'],
      ['fleet.namespace.request', 'create', 'basic'],
      ['fleet.cluster.request', 'create', 'basic'],
      ['fleet.platformRepo.read', 'read', 'basic'],
    ]);
  });
});
