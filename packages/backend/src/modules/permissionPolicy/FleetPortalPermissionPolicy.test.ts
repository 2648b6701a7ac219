import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogLocationCreatePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  fleetCidrReservationDeletePermission,
  fleetClusterRequestPermission,
  fleetClusterRetirePermission,
  fleetNamespaceChangePermission,
  fleetNamespaceDecommissionPermission,
  fleetNamespaceRequestPermission,
  fleetPlatformRepoReadPermission,
  fleetRolloutPromotePermission,
} from '@fleet-portal/plugin-fleet-common';
import { FleetPortalPermissionPolicy } from './FleetPortalPermissionPolicy';

function userWith(ownershipEntityRefs: string[]): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: ownershipEntityRefs[0],
      ownershipEntityRefs,
    },
    info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
    token: 'token',
    credentials: {} as PolicyQueryUser['credentials'],
  } as PolicyQueryUser;
}

describe('FleetPortalPermissionPolicy', () => {
  const policy = new FleetPortalPermissionPolicy({
    platformOwnerRefs: ['group:default/platform-team'],
  });
  const owner = userWith([
    'user:default/priya.platform',
    'group:default/platform-team',
  ]);
  const developer = userWith([
    'user:default/devon.developer',
    'group:default/team-checkout',
  ]);

  it('lets platform owners read the whole catalog', async () => {
    await expect(
      policy.handle({ permission: catalogEntityReadPermission }, owner),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('hides entities that require fleet.cluster.request, fleet.cluster.retire or fleet.rollout.promote (the new-cluster, retire-cluster and promote-rollout templates) from everyone else', async () => {
    for (const user of [developer, undefined]) {
      await expect(
        policy.handle({ permission: catalogEntityReadPermission }, user),
      ).resolves.toEqual({
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'catalog',
        resourceType: 'catalog-entity',
        conditions: {
          not: {
            anyOf: [
              {
                rule: 'HAS_ANNOTATION',
                resourceType: 'catalog-entity',
                params: {
                  annotation: 'fleet-portal.dev/requires-permission',
                  value: 'fleet.cluster.request',
                },
              },
              {
                rule: 'HAS_ANNOTATION',
                resourceType: 'catalog-entity',
                params: {
                  annotation: 'fleet-portal.dev/requires-permission',
                  value: 'fleet.cluster.retire',
                },
              },
              {
                rule: 'HAS_ANNOTATION',
                resourceType: 'catalog-entity',
                params: {
                  annotation: 'fleet-portal.dev/requires-permission',
                  value: 'fleet.rollout.promote',
                },
              },
            ],
          },
        },
      });
    }
  });

  it('grants fleet.cluster.request to platform owners only', async () => {
    const permission = fleetClusterRequestPermission;
    await expect(policy.handle({ permission }, owner)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(policy.handle({ permission }, developer)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it.each(
    [
      catalogEntityDeletePermission,
      catalogLocationCreatePermission,
      fleetPlatformRepoReadPermission,
      fleetCidrReservationDeletePermission,
      fleetClusterRetirePermission,
      fleetRolloutPromotePermission,
    ].map(p => [p.name, p] as const),
  )('allows %s only to platform owners', async (_name, permission) => {
    await expect(policy.handle({ permission }, owner)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(policy.handle({ permission }, developer)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
    await expect(policy.handle({ permission }, undefined)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('matches owner refs case-insensitively', async () => {
    const shouting = userWith(['group:default/Platform-Team']);
    await expect(
      policy.handle({ permission: catalogEntityDeletePermission }, shouting),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('allows permissions it has no rule for', async () => {
    const other = createPermission({ name: 'other.thing', attributes: {} });
    await expect(
      policy.handle({ permission: other }, developer),
    ).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  describe('fleet.namespace.request', () => {
    const permission = fleetNamespaceRequestPermission;
    const manager = userWith([
      'user:default/morgan.manager',
      'group:default/management',
    ]);
    const loner = userWith(['user:default/nobody']);
    const withTeams = new FleetPortalPermissionPolicy({
      platformOwnerRefs: ['group:default/platform-team'],
      namespaceRequesterRefs: ['group:default/team-checkout'],
    });

    it('lets members of the application teams and platform owners request namespaces', async () => {
      for (const user of [developer, owner]) {
        await expect(withTeams.handle({ permission }, user)).resolves.toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    });

    it('refuses users outside the application teams', async () => {
      for (const user of [manager, loner, undefined]) {
        await expect(withTeams.handle({ permission }, user)).resolves.toEqual({
          result: AuthorizeResult.DENY,
        });
      }
    });

    it('decides changing and giving back a namespace as requesting one (the action checks the owning team)', async () => {
      for (const day2 of [
        fleetNamespaceChangePermission,
        fleetNamespaceDecommissionPermission,
      ]) {
        for (const user of [developer, owner]) {
          await expect(
            withTeams.handle({ permission: day2 }, user),
          ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
        }
        for (const user of [manager, loner, undefined]) {
          await expect(
            withTeams.handle({ permission: day2 }, user),
          ).resolves.toEqual({ result: AuthorizeResult.DENY });
        }
      }
    });

    it('lets members of any group request when no teams are configured', async () => {
      await expect(policy.handle({ permission }, manager)).resolves.toEqual({
        result: AuthorizeResult.ALLOW,
      });
      await expect(policy.handle({ permission }, loner)).resolves.toEqual({
        result: AuthorizeResult.DENY,
      });
    });
  });
});
