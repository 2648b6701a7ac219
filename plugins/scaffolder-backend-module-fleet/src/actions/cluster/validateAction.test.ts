import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { GitRemote } from '../../__testUtils__/gitRemote';
import { createFleetClusterValidateAction } from './validateAction';
import type { Entity } from '@backstage/catalog-model';
import {
  demoCatalogEntities,
  demoProfile,
  edgeRequest,
  TODAY,
} from './__testUtils__/fixtures';
import {
  registeredFrom,
  TEST_PLATFORM_REPO,
} from '../../__testUtils__/provenance';
import type { ClusterRequest } from './request';

function setup(
  result: AuthorizeResult.ALLOW | AuthorizeResult.DENY = AuthorizeResult.ALLOW,
  extraEntities: Entity[] = [],
) {
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async () => [{ result }]) as any,
  });
  const action = createFleetClusterValidateAction({
    catalog: catalogServiceMock({
      entities: [...demoCatalogEntities(), ...extraEntities],
    }),
    origins: [TEST_PLATFORM_REPO],
    auth: mockServices.auth(),
    permissions,
    now: () => TODAY,
  });
  return { action, permissions };
}

async function run(
  input: ClusterRequest,
  result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  extraEntities?: Entity[],
) {
  const { action, permissions } = setup(result, extraEntities);
  const ctx = {
    ...createMockActionContext({
      input: input as any,
      user: { ref: 'user:default/priya.platform' },
    }),
    // the mock context ignores an override of this; set it afterwards
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/priya.platform'),
  };
  await action.handler(ctx as any);
  return { ctx, permissions };
}

async function problemsOf(
  input: ClusterRequest,
  extraEntities?: Entity[],
): Promise<string> {
  const error = await run(input, undefined, extraEntities).catch(e => e);
  expect(error).toBeInstanceOf(InputError);
  return error.message;
}

describe('fleet:cluster:validate', () => {
  it('accepts a valid edge request and resolves profile, version and owner', async () => {
    const { ctx, permissions } = await run(edgeRequest());
    expect(ctx.output).toHaveBeenCalledWith(
      'profileRef',
      'clusterprofile:default/edge',
    );
    expect(ctx.output).toHaveBeenCalledWith('profileVersion', '1.3.0');
    expect(ctx.output).toHaveBeenCalledWith('profileType', 'edge');
    expect(ctx.output).toHaveBeenCalledWith('provisioner', 'cluster-api');
    expect(ctx.output).toHaveBeenCalledWith(
      'ownerRef',
      'group:default/team-checkout',
    );
    // a group without a display name or title is named by its name
    expect(ctx.output).toHaveBeenCalledWith('ownerTitle', 'team-checkout');
    expect(permissions.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'fleet.cluster.request',
          }),
        },
      ],
      { credentials: mockCredentials.user('user:default/priya.platform') },
    );
  });

  it('refuses a requester without fleet.cluster.request with a clear denial', async () => {
    const error = await run(edgeRequest(), AuthorizeResult.DENY).catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe(
      'user:default/priya.platform may not request new clusters: the permission fleet.cluster.request is not granted (platform owners request clusters)',
    );
  });

  it("names the owner by the group's display name for result pages", async () => {
    const payments: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-payments', namespace: 'default', title: 'Pay' },
      spec: {
        type: 'team',
        children: [],
        profile: { displayName: 'Payments' },
      },
    };
    const { ctx } = await run(
      edgeRequest({ owner: 'group:default/team-payments' }),
      undefined,
      [payments],
    );
    expect(ctx.output).toHaveBeenCalledWith('ownerTitle', 'Payments');
  });

  it('accepts bare names for profile and owner', async () => {
    const { ctx } = await run(
      edgeRequest({ profile: 'edge', owner: 'team-checkout' }),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'ownerRef',
      'group:default/team-checkout',
    );
  });

  describe('profile', () => {
    it('must be from the platform repository, not registered from elsewhere', async () => {
      const edge = demoProfile('edge');
      const mallory = 'https://github.com/mallory/catalog/blob/main/edge.yaml';
      // a profile name the repository does not have, and the real name in another namespace
      const squatted = registeredFrom(
        { ...edge, metadata: { ...edge.metadata, name: 'edge-lab' } },
        mallory,
      );
      const elsewhere = registeredFrom(
        { ...edge, metadata: { ...edge.metadata, namespace: 'mallory' } },
        mallory,
      );
      for (const [profile, spoof] of [
        ['clusterprofile:default/edge-lab', squatted],
        ['clusterprofile:mallory/edge', elsewhere],
      ] as const) {
        expect(await problemsOf(edgeRequest({ profile }), [spoof])).toBe(
          `The cluster request is invalid: profile: ${profile} is not from the platform repository (the catalog records another origin for it); clusters are built only from its profiles`,
        );
      }
    });

    it('must exist in the catalog', async () => {
      expect(
        await problemsOf(
          edgeRequest({ profile: 'clusterprofile:default/tiny' }),
        ),
      ).toContain(
        'profile: there is no ClusterProfile clusterprofile:default/tiny in the catalog',
      );
    });

    it('must be a ClusterProfile', async () => {
      expect(
        await problemsOf(
          edgeRequest({ profile: 'group:default/team-checkout' }),
        ),
      ).toContain(
        'profile: group:default/team-checkout is not a ClusterProfile',
      );
    });

    it('version must be current or allowed', async () => {
      await expect(
        run(edgeRequest({ profileVersion: '1.2.0' })),
      ).resolves.toBeDefined();
      expect(
        await problemsOf(edgeRequest({ profileVersion: '1.1.0' })),
      ).toContain(
        'profileVersion: 1.1.0 of profile edge is neither current nor allowed for new clusters (accepted: 1.3.0, 1.2.0)',
      );
    });
  });

  describe('name', () => {
    it('must match the naming pattern of the profile', async () => {
      expect(
        await problemsOf(edgeRequest({ name: 'edge-berlin-store-1' })),
      ).toContain(
        'name: "edge-berlin-store-1" does not follow the naming convention of profile edge (e.g. edg-ber01-store-01)',
      );
    });

    it('must be a DNS label', async () => {
      expect(await problemsOf(edgeRequest({ name: 'Edg_Ber03' }))).toMatch(
        /name: /,
      );
    });

    it('must not be used in the platform repository, even before the catalog has it', async () => {
      const repo = new GitRemote({
        'clusters/edg-ber03-store-01/cluster.yaml': 'kind: Resource\n',
      });
      try {
        const action = createFleetClusterValidateAction({
          catalog: catalogServiceMock({ entities: demoCatalogEntities() }),
          origins: [TEST_PLATFORM_REPO],
          auth: mockServices.auth(),
          permissions: mockServices.permissions.mock({
            authorize: jest.fn(async () => [
              { result: AuthorizeResult.ALLOW },
            ]) as any,
          }),
          now: () => TODAY,
          writer: new PlatformRepoWriter({ remote: repo.remote }),
        });
        const ctx = {
          ...createMockActionContext({
            input: edgeRequest({ name: 'edg-ber03-store-01' }) as any,
            user: { ref: 'user:default/priya.platform' },
          }),
          getInitiatorCredentials: async () =>
            mockCredentials.user('user:default/priya.platform'),
        };
        const error = await action.handler(ctx as any).catch(e => e);
        expect(error).toBeInstanceOf(InputError);
        expect(error.message).toContain(
          'name: edg-ber03-store-01 is already used in the platform repository (clusters/edg-ber03-store-01/cluster.yaml)',
        );

        ctx.input = edgeRequest({ name: 'edg-ber04-store-01' }) as any;
        await expect(action.handler(ctx as any)).resolves.toBeUndefined();
      } finally {
        repo.remove();
      }
    });

    it('must not be used by a cluster in the catalog', async () => {
      expect(
        await problemsOf(edgeRequest({ name: 'edg-ber01-store-01' })),
      ).toContain(
        'name: edg-ber01-store-01 is already used by resource:default/edg-ber01-store-01 in the catalog',
      );
    });
  });

  describe('owner', () => {
    it('must be a group in the catalog', async () => {
      expect(
        await problemsOf(edgeRequest({ owner: 'group:default/team-nobody' })),
      ).toContain(
        'owner: there is no group group:default/team-nobody in the catalog',
      );
    });

    it('must be a group, not a user', async () => {
      expect(
        await problemsOf(edgeRequest({ owner: 'user:default/priya.platform' })),
      ).toContain('owner: user:default/priya.platform is not a group');
    });
  });

  it('purpose must be given', async () => {
    expect(await problemsOf(edgeRequest({ purpose: '   ' }))).toContain(
      'purpose: is required — give the purpose of the cluster',
    );
  });

  it('environment group and region must be given', async () => {
    const message = await problemsOf(
      edgeRequest({ environmentGroup: '', region: '' }),
    );
    expect(message).toContain('environmentGroup: is required');
    expect(message).toContain('region: is required');
  });

  it('environment must fit the profile type', async () => {
    expect(
      await problemsOf(edgeRequest({ environment: 'production' })),
    ).toContain(
      'environment: production does not fit a edge profile (expected edge)',
    );
  });

  describe('node counts', () => {
    it('control plane within the profile bounds', async () => {
      expect(
        await problemsOf(
          edgeRequest({ nodes: { controlPlane: 3, workers: 0 } }),
        ),
      ).toContain(
        'nodes.controlPlane: 3 is outside the bounds of profile edge (1–1)',
      );
    });

    it('workers within the profile bounds', async () => {
      expect(
        await problemsOf(
          edgeRequest({ nodes: { controlPlane: 1, workers: 2 } }),
        ),
      ).toContain(
        'nodes.workers: 2 is outside the bounds of profile edge (0–1)',
      );
    });

    it('whole, non-negative numbers', async () => {
      expect(
        await problemsOf(
          edgeRequest({ nodes: { controlPlane: 1, workers: -1 } }),
        ),
      ).toContain(
        'nodes.workers: must be a whole number of nodes, 0 or more (got -1)',
      );
    });
  });

  describe('lifetime of a project cluster', () => {
    const project = (retireBy?: string) =>
      edgeRequest({ lifetime: { class: 'project', retireBy } });

    it('needs a retire-by date', async () => {
      expect(await problemsOf(project(undefined))).toContain(
        'lifetime.retireBy: is required — a project cluster needs a retire-by (decommission) date',
      );
    });

    it('within the maximum lifetime of the profile', async () => {
      // 2026-05-15 + 365 days = 2027-05-15
      await expect(run(project('2027-05-15'))).resolves.toBeDefined();
      expect(await problemsOf(project('2027-05-16'))).toContain(
        'lifetime.retireBy: 2027-05-16 is after 2027-05-15 — the maximum lifetime of a project cluster on profile edge is 365 days',
      );
    });

    it('in the future', async () => {
      expect(await problemsOf(project('2026-05-15'))).toContain(
        'lifetime.retireBy: 2026-05-15 is not in the future (today is 2026-05-15)',
      );
    });

    it('a real calendar date', async () => {
      expect(await problemsOf(project('2026-02-30'))).toContain(
        'lifetime.retireBy: "2026-02-30" is not a calendar date (YYYY-MM-DD)',
      );
    });
  });

  describe('lifetime of a long-lived cluster', () => {
    const longLived = (reviewBy?: string) =>
      edgeRequest({ lifetime: { class: 'long-lived', reviewBy } });

    it('needs a review-by date', async () => {
      expect(await problemsOf(longLived(undefined))).toContain(
        'lifetime.reviewBy: is required — a long-lived cluster needs a review-by date',
      );
    });

    it('at most 12 months ahead', async () => {
      await expect(run(longLived('2027-05-15'))).resolves.toBeDefined();
      expect(await problemsOf(longLived('2027-05-16'))).toContain(
        'lifetime.reviewBy: 2027-05-16 is after 2027-05-15 — a long-lived cluster on profile edge is reviewed at least every 12 months',
      );
    });

    it('within a shorter review interval of the profile (regulated: 6 months)', async () => {
      const message = await problemsOf({
        ...edgeRequest(),
        name: 'reg-euw1-cards-01',
        profile: 'regulated',
        environment: 'production',
        environmentGroup: 'production',
        nodes: { controlPlane: 3, workers: 3 },
        lifetime: { class: 'long-lived', reviewBy: '2027-01-31' },
      });
      expect(message).toBe(
        'The cluster request is invalid: lifetime.reviewBy: 2027-01-31 is after 2026-11-15 — a long-lived cluster on profile regulated is reviewed at least every 6 months',
      );
    });
  });

  it('reports every broken rule at once', async () => {
    const message = await problemsOf(
      edgeRequest({
        name: 'nope',
        purpose: '',
        nodes: { controlPlane: 2, workers: 5 },
        lifetime: { class: 'project' },
      }),
    );
    for (const field of [
      'name:',
      'purpose:',
      'nodes.controlPlane:',
      'nodes.workers:',
      'lifetime.retireBy:',
    ]) {
      expect(message).toContain(field);
    }
  });
});
