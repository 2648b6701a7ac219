import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { fleetPermissions, isAllowedDecision } from './permissions';

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
      ['fleet.cidr.reservation.delete', 'delete', 'basic'],
      ['fleet.cluster.retire', 'delete', 'basic'],
      ['fleet.rollout.promote', 'update', 'basic'],
      ['fleet.namespace.change', 'update', 'basic'],
      ['fleet.namespace.decommission', 'delete', 'basic'],
    ]);
  });
});

describe('isAllowedDecision', () => {
  it('allows only an ALLOW decision', () => {
    expect(isAllowedDecision({ result: AuthorizeResult.ALLOW })).toBe(true);
    expect(isAllowedDecision({ result: AuthorizeResult.DENY })).toBe(false);
    expect(isAllowedDecision({ result: AuthorizeResult.CONDITIONAL })).toBe(
      false,
    );
  });
});
