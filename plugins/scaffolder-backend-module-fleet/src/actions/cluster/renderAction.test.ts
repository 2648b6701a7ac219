import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type {
  CidrPreview,
  CidrReservation,
} from '@fleet-portal/plugin-fleet-common';
import yaml from 'yaml';
import { ConfigReader } from '@backstage/config';
import { RenderSeal } from '../../integrity/RenderSeal';
import { contentDigest } from '../../integrity/renderRecord';
import { createFleetClusterRenderAction } from './renderAction';
import type { CidrApi } from './reserveCidrs';
import {
  demoCatalogEntities,
  edgeRequest,
  TODAY,
} from './__testUtils__/fixtures';
import { TEST_PLATFORM_REPO } from '../../__testUtils__/provenance';

const seal = RenderSeal.fromConfig(new ConfigReader({}));

const reservation: CidrReservation = {
  id: 'res-1',
  cluster: 'edg-ber03-store-01',
  profileRef: 'clusterprofile:default/edge',
  podCidr: '172.16.12.0/22',
  podPool: '172.16.0.0/13',
  serviceCidr: '172.24.3.0/24',
  servicePool: '172.24.0.0/16',
  status: 'pending',
  requestedBy: 'user:default/priya.platform',
  createdAt: '2026-05-15T09:30:00Z',
};

const preview: CidrPreview = {
  profileRef: 'clusterprofile:default/edge',
  cluster: 'edg-ber03-store-01',
  pod: {
    ok: true,
    role: 'pod',
    cidr: '172.16.12.0/22',
    pool: '172.16.0.0/13',
    source: 'allocated',
  },
  service: {
    ok: true,
    role: 'service',
    cidr: '172.24.3.0/24',
    pool: '172.24.0.0/16',
    source: 'allocated',
  },
};

function setup(
  options: {
    result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    preview?: CidrPreview;
  } = {},
) {
  const cidrApi = {
    preview: jest.fn(async () => options.preview ?? preview),
    reserve: jest.fn(async () => ({ reservation, created: true })),
  } satisfies CidrApi;
  const action = createFleetClusterRenderAction({
    seal,
    catalog: catalogServiceMock({ entities: demoCatalogEntities() }),
    origins: [TEST_PLATFORM_REPO],
    auth: mockServices.auth(),
    permissions: mockServices.permissions.mock({
      authorize: jest.fn(async () => [
        { result: options.result ?? AuthorizeResult.ALLOW },
      ]) as any,
    }),
    cidrApi,
    now: () => TODAY,
  });
  return { action, cidrApi };
}

function contextFor(
  input: object,
  extra: { isDryRun?: boolean; checkpoints?: Map<string, unknown> } = {},
) {
  const workspace = createMockDirectory();
  const checkpoints = extra.checkpoints ?? new Map<string, unknown>();
  return {
    workspace,
    ctx: {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace.path,
        user: { ref: 'user:default/priya.platform' },
      }),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/priya.platform'),
      isDryRun: extra.isDryRun,
      // a checkpoint store like the task's: a repeated key returns the stored result
      async checkpoint({ key, fn }: { key: string; fn: () => Promise<any> }) {
        if (!checkpoints.has(key)) {
          checkpoints.set(key, await fn());
        }
        return checkpoints.get(key);
      },
    },
  };
}

describe('fleet:cluster:render', () => {
  it('reserves the CIDRs and writes the platform-repository files into the workspace', async () => {
    const { action, cidrApi } = setup();
    const { ctx, workspace } = contextFor({
      ...edgeRequest(),
      cidrs: { podCidr: '172.16.12.0/22', serviceCidr: '172.24.3.0/24' },
    });
    await action.handler(ctx as any);

    expect(cidrApi.reserve).toHaveBeenCalledWith({
      cluster: 'edg-ber03-store-01',
      profileRef: 'clusterprofile:default/edge',
      podCidr: '172.16.12.0/22',
      serviceCidr: '172.24.3.0/24',
      requestedBy: 'user:default/priya.platform',
      proposalBranch: `fleet/cluster/edg-ber03-store-01/${ctx.task.id.slice(
        0,
        8,
      )}`,
    });
    expect(cidrApi.preview).not.toHaveBeenCalled();
    const files = [
      'clusters/edg-ber03-store-01/cluster.yaml',
      'clusters/edg-ber03-store-01/provisioning/cluster-api.yaml',
      'clusters/edg-ber03-store-01/provisioning/helmfile.yaml',
    ];
    expect(ctx.output).toHaveBeenCalledWith('paths', files);
    expect(ctx.output).toHaveBeenCalledWith('files', {
      [files[0]]: expect.stringContaining('kind: Resource'),
      [files[1]]: expect.stringContaining('kind: Cluster'),
      [files[2]]: expect.stringContaining('releases:'),
    });
    expect(ctx.output).toHaveBeenCalledWith('expectAbsent', [files[0]]);
    expect(ctx.output).toHaveBeenCalledWith(
      'title',
      'Request cluster edg-ber03-store-01 from profile edge 1.3.0',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'clusterEntityRef',
      'resource:default/edg-ber03-store-01',
    );
    expect(ctx.output).toHaveBeenCalledWith('podCidr', '172.16.12.0/22');
    expect(ctx.output).toHaveBeenCalledWith('serviceCidr', '172.24.3.0/24');
    expect(ctx.output).toHaveBeenCalledWith('reservationId', 'res-1');
    // its own branch, which the CIDR reservation follows
    const branch = `fleet/cluster/edg-ber03-store-01/${ctx.task.id.slice(0, 8)}`;
    expect(ctx.output).toHaveBeenCalledWith('branch', branch);
    // the render record names this task's request and every rendered file's digest
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(seal.open(outputs.integrity)).toEqual({
      task: ctx.task.id,
      kind: 'cluster',
      cluster: 'edg-ber03-store-01',
      mode: 'propose',
      entityRef: 'resource:default/edg-ber03-store-01',
      files: Object.fromEntries(
        files.map(file => [file, contentDigest(outputs.files[file])]),
      ),
      applyFiles: [],
    });
    const entity = yaml.parse(
      await fs.readFile(path.join(workspace.path, files[0]), 'utf8'),
    );
    expect(entity.spec.network).toEqual({
      podCidr: '172.16.12.0/22',
      serviceCidr: '172.24.3.0/24',
    });

    const reason = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'reason',
    )[1];
    expect(reason).toBe(
      [
        'Purpose: Point of sale in the Berlin Mitte store',
        'Profile: clusterprofile:default/edge 1.3.0 (edge, cluster-api)',
        'Owner: group:default/team-checkout',
        'Environment: edge, group far-edge, region eu-central-1, site ber03',
        'Pod CIDR: 172.16.12.0/22',
        'Service CIDR: 172.24.3.0/24',
        'Nodes: 1 control plane, 0 workers',
        'Lifetime: long-lived, created 2026-05-15, review by 2027-01-31',
      ].join('\n'),
    );
  });

  it('reserves once when the task is retried (checkpoint)', async () => {
    const { action, cidrApi } = setup();
    const checkpoints = new Map<string, unknown>();
    await action.handler(contextFor(edgeRequest(), { checkpoints }).ctx as any);
    await action.handler(contextFor(edgeRequest(), { checkpoints }).ctx as any);
    expect(cidrApi.reserve).toHaveBeenCalledTimes(1);
  });

  it('only previews in a dry run', async () => {
    const { action, cidrApi } = setup();
    const { ctx } = contextFor(edgeRequest(), { isDryRun: true });
    await action.handler(ctx as any);
    expect(cidrApi.reserve).not.toHaveBeenCalled();
    expect(cidrApi.preview).toHaveBeenCalledWith({
      profileRef: 'clusterprofile:default/edge',
      cluster: 'edg-ber03-store-01',
      podCidr: undefined,
      serviceCidr: undefined,
    });
    expect(ctx.output).toHaveBeenCalledWith('podCidr', '172.16.12.0/22');
    expect(ctx.output).not.toHaveBeenCalledWith(
      'reservationId',
      expect.anything(),
    );
  });

  it('reports a dry run whose pool is exhausted with the backend reason', async () => {
    const { action } = setup({
      preview: {
        ...preview,
        pod: {
          ok: false,
          role: 'pod',
          reason:
            'podCidr: pool 172.16.0.0/13 of profile edge has no free /22 left',
          exhaustedPools: ['172.16.0.0/13'],
        },
      },
    });
    const error = await action
      .handler(contextFor(edgeRequest(), { isDryRun: true }).ctx as any)
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'No CIDRs for edg-ber03-store-01: podCidr: pool 172.16.0.0/13 of profile edge has no free /22 left',
    );
  });

  it('validates before reserving anything', async () => {
    const { action, cidrApi } = setup();
    const error = await action
      .handler(
        contextFor(edgeRequest({ name: 'edg-ber01-store-01' })).ctx as any,
      )
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(cidrApi.reserve).not.toHaveBeenCalled();
  });

  it('refuses a requester without fleet.cluster.request before reserving', async () => {
    const { action, cidrApi } = setup({ result: AuthorizeResult.DENY });
    const error = await action
      .handler(contextFor(edgeRequest()).ctx as any)
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toMatch(
      /may not request new clusters: the permission fleet.cluster.request is not granted/,
    );
    expect(cidrApi.reserve).not.toHaveBeenCalled();
  });

  it('keeps the files inside the workspace', async () => {
    const { action, cidrApi } = setup();
    const error = await action
      .handler(
        contextFor({ ...edgeRequest(), targetPath: '../outside' }).ctx as any,
      )
      .catch(e => e);
    expect(error.message).toMatch(/outside/i);
    expect(cidrApi.reserve).not.toHaveBeenCalled();
  });
});
