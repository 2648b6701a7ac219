import fs from 'node:fs';
import path from 'node:path';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import yaml from 'yaml';
import { FleetCatalog } from '../../catalog/FleetCatalog';
import { RenderSeal } from '../../integrity/RenderSeal';
import { createPlatformRepoProposeAction } from '../platformRepo/proposeAction';
import { createFleetClusterRenderAction } from './renderAction';
import {
  demoCatalogEntities,
  edgeRequest,
  TODAY,
} from './__testUtils__/fixtures';
import { TEST_PLATFORM_REPO } from '../../__testUtils__/provenance';
import { GitRemote } from '../../__testUtils__/gitRemote';
import { priya } from '../../__testUtils__/users';
import type { ClusterRequest } from './request';

// The whole request as the template runs it — render, then the suite's propose action — against a
// real bare Git repository seeded with the demo profiles.
const examples = path.resolve(
  __dirname,
  '../../../../../examples/platform-config',
);

describe('new-cluster proposal (render + fleet:platform-repo:propose, real Git)', () => {
  let repo: GitRemote;
  const seal = RenderSeal.fromConfig(new ConfigReader({}));

  beforeEach(() => {
    const seed: Record<string, string> = {};
    for (const profile of ['edge', 'non-production']) {
      const file = `profiles/${profile}/profile.yaml`;
      seed[file] = fs.readFileSync(path.join(examples, file), 'utf8');
    }
    repo = new GitRemote(seed);
  });

  afterEach(() => repo.remove());

  async function request(
    input: ClusterRequest,
    taskId = 'task-0001-abcdef',
    // what a template could change between render and propose
    change: (files: Record<string, string>) => Record<string, string> = f => f,
  ) {
    const deps = {
      catalog: catalogServiceMock({ entities: demoCatalogEntities() }),
      origins: [TEST_PLATFORM_REPO],
      auth: mockServices.auth(),
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
    };
    let n = 0;
    const render = createFleetClusterRenderAction({
      ...deps,
      seal,
      now: () => TODAY,
      cidrApi: {
        preview: jest.fn(),
        reserve: jest.fn(async () => ({
          created: true,
          reservation: {
            id: `r${++n}`,
            cluster: input.name,
            profileRef: 'x',
            podCidr: '172.16.12.0/22',
            podPool: '172.16.0.0/13',
            serviceCidr: '172.24.3.0/24',
            servicePool: '172.24.0.0/16',
            status: 'pending' as const,
            requestedBy: 'user:default/priya.platform',
            createdAt: TODAY.toISOString(),
          },
        })),
      },
    });
    const propose = createPlatformRepoProposeAction({
      catalog: new FleetCatalog(deps.catalog, deps.origins),
      permissions: deps.permissions,
      writer: new PlatformRepoWriter({ remote: repo.remote }),
      seal,
    });
    const base = {
      user: { ref: 'user:default/priya.platform', entity: priya },
      task: { id: taskId },
    };
    const renderCtx = {
      ...createMockActionContext({
        input: input as any,
        workspacePath: createMockDirectory().path,
        ...base,
      }),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/priya.platform'),
    };
    await render.handler(renderCtx as any);
    const rendered = Object.fromEntries(
      (renderCtx.output as jest.Mock).mock.calls,
    );

    const proposeCtx = {
      ...createMockActionContext({
        input: {
          kind: 'cluster',
          cluster: input.name,
          profile: rendered.profileRef,
          environment: rendered.environment,
          files: change(rendered.files),
          integrity: rendered.integrity,
          title: rendered.title,
          reason: rendered.reason,
          branch: rendered.branch,
          entityRef: rendered.clusterEntityRef,
        } as any,
        ...base,
      }),
      getInitiatorCredentials: async () =>
        mockCredentials.user('user:default/priya.platform'),
    };
    await propose.handler(proposeCtx as any);
    return {
      rendered,
      proposed: Object.fromEntries((proposeCtx.output as jest.Mock).mock.calls),
    };
  }

  it('proposes the cluster on a branch authored as the requester, recording the request in the commit', async () => {
    const mainBefore = repo.git('rev-parse', 'main').trim();
    const { proposed } = await request(edgeRequest());

    expect(proposed.mode).toBe('propose');
    expect(proposed.branch).toBe('fleet/cluster/edg-ber03-store-01/task-000');
    expect(repo.git('rev-parse', 'main').trim()).toBe(mainBefore);
    expect(repo.git('rev-parse', proposed.branch).trim()).toBe(proposed.commit);

    const entity = yaml.parse(
      repo.show(proposed.branch, 'clusters/edg-ber03-store-01/cluster.yaml'),
    );
    expect(entity.spec.network).toEqual({
      podCidr: '172.16.12.0/22',
      serviceCidr: '172.24.3.0/24',
    });
    const capi = yaml.parse(
      repo.show(
        proposed.branch,
        'clusters/edg-ber03-store-01/provisioning/cluster-api.yaml',
      ),
    );
    expect(capi.spec.clusterNetwork.pods.cidrBlocks).toEqual([
      '172.16.12.0/22',
    ]);
    expect(
      repo.show(
        proposed.branch,
        'clusters/edg-ber03-store-01/provisioning/helmfile.yaml',
      ),
    ).toContain('chart: projectcalico/tigera-operator');

    expect(
      repo.git('log', '-1', '--format=%an <%ae>', proposed.branch).trim(),
    ).toBe('Priya Raman <priya.platform@acme.example>');
    const message = repo.git('log', '-1', '--format=%B', proposed.branch);
    for (const line of [
      'Request cluster edg-ber03-store-01 from profile edge 1.3.0',
      'Purpose: Point of sale in the Berlin Mitte store',
      'Profile: clusterprofile:default/edge 1.3.0 (edge, cluster-api)',
      'Owner: group:default/team-checkout',
      'Environment: edge, group far-edge, region eu-central-1, site ber03',
      'Pod CIDR: 172.16.12.0/22',
      'Service CIDR: 172.24.3.0/24',
      'Lifetime: long-lived, created 2026-05-15, review by 2027-01-31',
      'Requested-by: user:default/priya.platform',
    ]) {
      expect(message).toContain(line);
    }
  });

  it('proposes even when the profile allows ClickOps (non-production): a new cluster never lands directly', async () => {
    const { proposed } = await request({
      ...edgeRequest(),
      name: 'stg-euw1-search-02',
      profile: 'non-production',
      environment: 'staging',
      environmentGroup: 'non-production',
      nodes: { controlPlane: 1, workers: 2 },
    });
    expect(proposed.mode).toBe('propose');
    expect(proposed.modeReason).toBe(
      'a new cluster (stg-euw1-search-02) is always proposed for review',
    );
    expect(repo.git('ls-tree', '-r', '--name-only', 'main')).not.toContain(
      'stg-euw1-search-02',
    );
  });

  it('gives a second request for the same cluster name its own branch, so an abandoned proposal never blocks it', async () => {
    const first = await request(edgeRequest());
    const second = await request(edgeRequest(), 'b2c3d4e5-0002-abcdef');
    expect(first.proposed.branch).toBe(
      'fleet/cluster/edg-ber03-store-01/task-000',
    );
    expect(second.proposed.branch).toBe(
      'fleet/cluster/edg-ber03-store-01/b2c3d4e5',
    );
    expect(repo.git('rev-parse', first.proposed.branch).trim()).toBe(
      first.proposed.commit,
    );
    expect(repo.git('rev-parse', second.proposed.branch).trim()).toBe(
      second.proposed.commit,
    );
  });

  it('refuses a changed CIDR or an added file between render and propose, and writes nothing', async () => {
    const before = repo.refs();
    const entity = 'clusters/edg-ber03-store-01/cluster.yaml';
    await expect(
      request(edgeRequest(), undefined, files => ({
        ...files,
        [entity]: files[entity].replace('172.16.12.0/22', '10.0.0.0/8'),
      })),
    ).rejects.toThrow(
      new InputError(
        `files: the content of ${entity} differs from what was rendered for this request`,
      ),
    );
    await expect(
      request(edgeRequest(), undefined, files => ({
        ...files,
        'clusters/edg-ber03-store-01/provisioning/extra.yaml': 'kind: Secret\n',
      })),
    ).rejects.toThrow(
      new InputError(
        'files: clusters/edg-ber03-store-01/provisioning/extra.yaml was not rendered for this request; propose commits only the rendered files',
      ),
    );
    expect(repo.refs()).toBe(before);
  });

  it('refuses to overwrite a provisioning file that already exists (every rendered file is new)', async () => {
    const helmfile = 'clusters/edg-ber03-store-01/provisioning/helmfile.yaml';
    await new PlatformRepoWriter({ remote: repo.remote }).commitFiles({
      mode: 'direct',
      files: { [helmfile]: 'releases: []\n' },
      message: 'left over',
      author: { name: 'Someone', email: 'someone@acme.example' },
    });
    const before = repo.refs();
    const attempt = request(edgeRequest());
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      `already in the platform repository: ${helmfile}`,
    );
    expect(repo.refs()).toBe(before);
  });
});
