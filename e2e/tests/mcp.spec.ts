import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APIRequestContext, expect, test } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { e2eDataDirFile } from '../playwright.config';

// An AI agent's view of the portal: a real MCP client (the SDK agents use) against the e2e backend's
// MCP server (@backstage/plugin-mcp-actions-backend), with the token of a demo persona — what the
// persona sign-in gives the browser. The agent gets the same answers and the same refusals as the
// portal; requests land in the e2e copy of the demo platform repository, read with git.

const FLEET_TOOLS = [
  'fleet.list-clusters',
  'fleet.get-cluster-lifecycle',
  'fleet.get-cluster-health',
  'fleet.get-cluster-profile',
  'fleet.preview-cluster-cidrs',
  'scaffolder.fleet-request-tenant-namespace',
  'scaffolder.fleet-request-cluster',
];

function git(...args: string[]): string {
  const dataDir = fs.readFileSync(e2eDataDirFile, 'utf8').trim();
  return execFileSync(
    'git',
    ['--git-dir', path.join(dataDir, 'platform-config.git'), ...args],
    { encoding: 'utf8' },
  );
}

function hasFile(ref: string, file: string): boolean {
  return git('ls-tree', '--name-only', ref, '--', file).trim() !== '';
}

/** A Backstage token of a demo persona, from the development-only persona sign-in. */
async function personaToken(request: APIRequestContext, userName: string) {
  const response = await request.get('/api/auth/demoPersona/refresh', {
    headers: { 'x-fleet-demo-persona': userName },
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()).backstageIdentity.token as string;
}

/** An MCP client connected as the persona, as an agent is configured with a user's token. */
async function connectAs(
  request: APIRequestContext,
  baseURL: string,
  userName: string,
) {
  const token = await personaToken(request, userName);
  const client = new Client({ name: 'fleet-portal-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL('/api/mcp-actions/v1', baseURL), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return { client, token };
}

type ToolResult = {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: Record<string, any>;
};

async function call(client: Client, name: string, args: object) {
  return (await client.callTool({
    name,
    arguments: args as Record<string, unknown>,
  })) as ToolResult;
}

/** The tool's answer; fails with the tool's error text when it reported one. */
async function answer(client: Client, name: string, args: object) {
  const result = await call(client, name, args);
  expect(result.isError, result.content[0]?.text).toBeFalsy();
  return result.structuredContent!;
}

test.describe('AI agents over MCP', () => {
  test('an agent lists the fleet tools: reads marked read-only, requests additive, nothing destructive', async ({
    request,
    baseURL,
  }) => {
    const { client } = await connectAs(request, baseURL!, 'morgan.manager');
    try {
      const { tools } = await client.listTools();
      const byName = new Map(tools.map(tool => [tool.name, tool]));
      for (const name of FLEET_TOOLS) {
        expect(byName.has(name), name).toBe(true);
      }
      expect(byName.get('fleet.list-clusters')!.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      });
      expect(
        byName.get('scaffolder.fleet-request-tenant-namespace')!.annotations,
      ).toMatchObject({ readOnlyHint: false, destructiveHint: false });
      expect(
        byName.get('scaffolder.fleet-request-tenant-namespace')!.inputSchema
          .required,
      ).toEqual(
        expect.arrayContaining(['cluster', 'namespace', 'team', 'reason']),
      );
      // backend.actions.filter leaves out what deletes or overwrites
      expect(tools.filter(t => t.annotations?.destructiveHint)).toEqual([]);
      expect(byName.has('catalog.query-catalog-entities')).toBe(true);
    } finally {
      await client.close();
    }
  });

  test('"which production clusters are overdue for review and who owns them?" — the set the lifecycle API shows', async ({
    request,
    baseURL,
  }) => {
    const { client, token } = await connectAs(
      request,
      baseURL!,
      'morgan.manager',
    );
    try {
      let agent: Record<string, any> = {};
      // the catalog ingests the demo platform repository a few seconds after start
      await expect(async () => {
        agent = await answer(client, 'fleet.list-clusters', {
          environment: ['production'],
          status: ['review-overdue'],
        });
        expect(agent.totalItems).toBeGreaterThan(0);
      }).toPass({ timeout: 90_000 });

      const api = await request.get(
        '/api/fleet/lifecycle/clusters?environment=production&status=review-overdue',
        { headers: { Authorization: `Bearer ${token}` } },
      );
      expect(api.ok()).toBeTruthy();
      const page = await api.json();
      expect(agent.clusters.map((c: any) => [c.entityRef, c.owner])).toEqual(
        page.items.map((c: any) => [c.entityRef, c.owner]),
      );
      expect(agent.totalItems).toBe(page.totalItems);
      expect(agent.clusters.map((c: any) => c.name)).toContain(
        'prd-use1-payments-01',
      );
      for (const cluster of agent.clusters) {
        expect(cluster).toMatchObject({
          status: 'review-overdue',
          owner: expect.stringMatching(/^group:default\//),
          url: `${baseURL}/catalog/default/resource/${cluster.name}`,
        });
      }
      expect(agent.url).toBe(
        `${baseURL}/fleet/lifecycle?environment=production&status=review-overdue`,
      );
    } finally {
      await client.close();
    }
  });

  test('Devon gets a staging namespace on main and a production one as a proposal branch', async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const { client } = await connectAs(request, baseURL!, 'devon.developer');
    const namespace = 'checkout-agent-e2e';
    const ask = (cluster: string, extra: object = {}) => ({
      cluster: `resource:default/${cluster}`,
      namespace,
      team: 'group:default/team-checkout',
      costCenter: 'cc-4711',
      roles: ['edit'],
      reason: 'Asked for by an agent for the checkout search service',
      ...extra,
    });
    try {
      // a dry run first: where it would land, nothing written
      const refs = git('for-each-ref');
      const check = await answer(
        client,
        'scaffolder.fleet-request-tenant-namespace',
        ask('stg-euw1-checkout-01', { dryRun: true }),
      );
      expect(check).toMatchObject({ status: 'checked', branch: 'main' });
      expect(git('for-each-ref')).toBe(refs);

      const staging = await answer(
        client,
        'scaffolder.fleet-request-tenant-namespace',
        ask('stg-euw1-checkout-01'),
      );
      expect(staging).toMatchObject({
        status: 'committed',
        mode: 'direct',
        branch: 'main',
        requestedBy: 'user:default/devon.developer',
        entityUrl: `${baseURL}/catalog/default/resource/stg-euw1-checkout-01.${namespace}`,
      });
      const stagingDir = `clusters/stg-euw1-checkout-01/namespaces/${namespace}`;
      expect(git('rev-parse', 'main').trim()).toBe(staging.commit);
      expect(hasFile('main', `${stagingDir}/namespace.yaml`)).toBe(true);
      const log = git('log', '-1', '--format=%an%n%B', 'main');
      expect(log).toContain('Devon Clarke');
      expect(log).toContain('Requested-by: user:default/devon.developer');

      const mainBefore = git('rev-parse', 'main').trim();
      const production = await answer(
        client,
        'scaffolder.fleet-request-tenant-namespace',
        ask('prd-euw1-checkout-01'),
      );
      expect(production).toMatchObject({
        status: 'proposed',
        mode: 'propose',
        modeReason: 'prd-euw1-checkout-01 is a production cluster',
        branch: expect.stringMatching(
          /^fleet\/namespace\/prd-euw1-checkout-01\//,
        ),
      });
      const productionFile = `clusters/prd-euw1-checkout-01/namespaces/${namespace}/namespace.yaml`;
      expect(git('rev-parse', 'main').trim()).toBe(mainBefore);
      expect(hasFile('main', productionFile)).toBe(false);
      expect(hasFile(production.branch, productionFile)).toBe(true);
      expect(git('log', '-1', '--format=%an', production.branch).trim()).toBe(
        'Devon Clarke',
      );
    } finally {
      await client.close();
    }
  });

  test('Morgan, who may not request namespaces, is refused and nothing is written', async ({
    request,
    baseURL,
  }) => {
    const { client } = await connectAs(request, baseURL!, 'morgan.manager');
    try {
      const refs = git('for-each-ref');
      const result = await call(
        client,
        'scaffolder.fleet-request-tenant-namespace',
        {
          cluster: 'resource:default/stg-euw1-checkout-01',
          namespace: 'morgans-namespace',
          team: 'group:default/management',
          costCenter: 'cc-1000',
          reason: 'Trying',
        },
      );
      expect(result.isError).toBe(true);
      expect(result.content[0].text).toBe(
        'NotAllowedError: You are not allowed to request tenant namespaces (fleet.namespace.request)',
      );
      expect(git('for-each-ref')).toBe(refs);
    } finally {
      await client.close();
    }
  });
});
