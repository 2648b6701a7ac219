import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { parse } from 'yaml';
import { e2eDataDirFile } from '../playwright.config';
import { saveScreenshot, signInAs } from './helpers';

// A platform owner requests an edge cluster through the new-cluster template; the proposal branch
// of the e2e copy of the demo platform repository is then read with git.
const TEMPLATE_TITLE = 'New cluster from a profile';
const CLUSTER = 'edg-ber03-store-01';

function platformRepo(): string {
  const dataDir = fs.readFileSync(e2eDataDirFile, 'utf8').trim();
  return path.join(dataDir, 'platform-config.git');
}

function gitShow(ref: string, file: string): string {
  return execFileSync(
    'git',
    ['--git-dir', platformRepo(), 'show', `${ref}:${file}`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function dateInMonths(months: number): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** The scaffolder's template list, reloaded until the catalog has processed the templates. */
async function openCreatePage(page: Page) {
  await expect(async () => {
    await page.goto('/create');
    await expect(page.getByText(/templates|choose/i).first()).toBeVisible({
      timeout: 5_000,
    });
  }).toPass({ timeout: 60_000 });
}

test.describe('new cluster from a profile', () => {
  test('a platform owner requests an edge cluster and gets a proposal with the previewed CIDRs', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    await signInAs(page, 'Priya Raman', '/create');
    const card = page
      .locator('[class*="MuiCard"]')
      .filter({ hasText: TEMPLATE_TITLE });
    await expect(async () => {
      await page.goto('/create');
      await expect(card).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await saveScreenshot(page, testInfo, '1-templates');
    await card.getByRole('button', { name: 'Choose' }).click();

    // Step 1: profile and purpose
    await page.getByRole('button', { name: /Cluster profile/ }).click();
    await page
      .getByRole('option', { name: /^Edge — edge · version 1\.3\.0/ })
      .click();
    await expect(
      page.getByText('Single-node k3s, local-path storage').first(),
    ).toBeVisible();
    const owner = page
      .getByRole('combobox', { name: /Owner/ })
      .or(page.getByLabel(/^Owner/))
      .first();
    await owner.click();
    await owner.fill('Checkout');
    await page
      .getByRole('option', { name: /Checkout/ })
      .first()
      .click();
    await page
      .getByLabel(/^Purpose/)
      .fill(
        'Point of sale and offline payment buffering in the Berlin Mitte store',
      );
    await page
      .getByLabel(/^Short description/)
      .fill('Edge store cluster, Berlin 03');
    await page
      .getByRole('button', { name: /Environment\b/ })
      .first()
      .click();
    await page.getByRole('option', { name: 'edge', exact: true }).click();
    await page.getByLabel(/^Environment group/).fill('far-edge');
    await page.getByLabel(/^Region/).fill('eu-central-1');
    await page.getByLabel(/^Site/).fill('ber03');
    await saveScreenshot(page, testInfo, '2-profile');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Step 2: name and network — the name is checked live, the CIDRs previewed
    await page.getByLabel('Location').fill('ber01');
    await page.getByLabel('Purpose', { exact: true }).fill('store');
    await page.getByLabel('Number').fill('01');
    await expect(
      page.getByText('edg-ber01-store-01 is already in the catalog'),
    ).toBeVisible();
    await page.getByLabel('Location').fill('Berlin');
    await expect(
      page.getByText(
        '"edg-berlin-store-01" does not follow the naming convention of profile edge (e.g. edg-ber01-store-01)',
      ),
    ).toBeVisible();
    await page.getByLabel('Location').fill('ber03');
    await expect(page.getByTestId('fleet-cluster-name')).toHaveText(CLUSTER);
    await expect(
      page.getByText(`${CLUSTER} follows the naming pattern of edge`),
    ).toBeVisible();
    const podCell = page.getByTestId('fleet-cidr-pod');
    const serviceCell = page.getByTestId('fleet-cidr-service');
    await expect(podCell).toHaveText(/^172\.(1[6-9]|2[0-3])\.\d+\.\d+\/22$/);
    await expect(serviceCell).toHaveText(/^172\.24\.\d+\.0\/24$/);
    const podCidr = (await podCell.textContent())!.trim();
    const serviceCidr = (await serviceCell.textContent())!.trim();
    await saveScreenshot(page, testInfo, '3-name-and-cidrs');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // Step 3: lifetime, then the review step
    const reviewBy = dateInMonths(6);
    await page.getByLabel(/^Review by/).fill(reviewBy);
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(page.getByText(CLUSTER).first()).toBeVisible();
    await saveScreenshot(page, testInfo, '4-review');
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    // The task runs validate, render (reserving the previewed CIDRs) and propose
    await expect(
      page.getByText(/is proposed for review on branch/),
    ).toBeVisible({ timeout: 90_000 });
    // every request proposes on its own branch (fleet/cluster/<name>/<task>), which its CIDR
    // reservation follows
    const branches = execFileSync(
      'git',
      [
        '--git-dir',
        platformRepo(),
        'for-each-ref',
        '--format=%(refname:short)',
        `refs/heads/fleet/cluster/${CLUSTER}/`,
      ],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean);
    expect(branches).toHaveLength(1);
    const [branch] = branches;
    expect(branch).toMatch(new RegExp(`^fleet/cluster/${CLUSTER}/[0-9a-f]{8}$`));
    await expect(page.getByText(branch).first()).toBeVisible();
    await expect(page.getByText(podCidr).first()).toBeVisible();
    await saveScreenshot(page, testInfo, '5-done');

    const entity = parse(gitShow(branch, `clusters/${CLUSTER}/cluster.yaml`));
    expect(entity.metadata.name).toBe(CLUSTER);
    expect(entity.spec).toMatchObject({
      owner: 'group:default/team-checkout',
      profile: 'edge',
      profileVersion: '1.3.0',
      environment: 'edge',
      environmentGroup: 'far-edge',
      network: { podCidr, serviceCidr },
      lifetime: { class: 'long-lived', reviewBy },
    });
    const capi = parse(
      gitShow(branch, `clusters/${CLUSTER}/provisioning/cluster-api.yaml`),
    );
    expect(capi.spec.clusterNetwork).toEqual({
      pods: { cidrBlocks: [podCidr] },
      services: { cidrBlocks: [serviceCidr] },
    });
    expect(capi.spec.topology.class).toBe('k3s-edge-single-v1');
    const helmfile = parse(
      gitShow(branch, `clusters/${CLUSTER}/provisioning/helmfile.yaml`),
    );
    expect(
      helmfile.releases.find((r: any) => r.name === 'calico').values,
    ).toEqual([
      { installation: { calicoNetwork: { ipPools: [{ cidr: podCidr }] } } },
    ]);
    const log = execFileSync(
      'git',
      ['--git-dir', platformRepo(), 'log', '-1', '--format=%an%n%B', branch],
      { encoding: 'utf8' },
    );
    expect(log).toContain('Priya Raman');
    expect(log).toContain(`Pod CIDR: ${podCidr}`);
    expect(log).toContain('Requested-by: user:default/priya.platform');
    // a proposal: main does not have the cluster
    expect(() => gitShow('main', `clusters/${CLUSTER}/cluster.yaml`)).toThrow();
  });

  test('the wizard blocks too few nodes and a far review date where the action would; no task is created', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const created: string[] = [];
    page.on('request', request => {
      if (
        request.method() === 'POST' &&
        /\/api\/scaffolder\/v2\/tasks$/.test(request.url())
      ) {
        created.push(request.url());
      }
    });
    await signInAs(page, 'Priya Raman', '/create');
    const card = page
      .locator('[class*="MuiCard"]')
      .filter({ hasText: TEMPLATE_TITLE });
    await expect(async () => {
      await page.goto('/create');
      await expect(card).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await card.getByRole('button', { name: 'Choose' }).click();

    await page.getByRole('button', { name: /Cluster profile/ }).click();
    await page
      .getByRole('option', { name: /^Production — production/ })
      .click();
    const owner = page
      .getByRole('combobox', { name: /Owner/ })
      .or(page.getByLabel(/^Owner/))
      .first();
    await owner.click();
    await owner.fill('Payments');
    await page
      .getByRole('option', { name: /Payments/ })
      .first()
      .click();
    await page.getByLabel(/^Purpose/).fill('Payments in Frankfurt');
    // environment and version are the profile's: production, its current version
    await expect(
      page.getByRole('button', { name: /Environment production/ }),
    ).toBeVisible();
    await page.getByLabel(/^Environment group/).fill('production');
    await page.getByLabel(/^Region/).fill('eu-central-1');
    await saveScreenshot(page, testInfo, '1-profile');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // the untouched step judges nothing and previews nothing
    await expect(page.getByText(/must be lowercase/)).toHaveCount(0);
    await expect(page.getByText(/Could not preview/)).toHaveCount(0);
    await expect(
      page.getByText(
        'The CIDRs are previewed once the cluster name is complete',
      ),
    ).toBeVisible();
    // node counts start at the profile's minimums
    const controlPlane = page.getByLabel(/^Control plane nodes/);
    await expect(controlPlane).toHaveValue('3');
    await expect(page.getByLabel(/^Worker nodes/)).toHaveValue('3');
    await saveScreenshot(page, testInfo, '2-untouched');
    await page.getByLabel('Location').fill('euc1');
    await page.getByLabel('Purpose', { exact: true }).fill('payments');
    await page.getByLabel('Number').fill('07');
    await expect(page.getByTestId('fleet-cidr-pod')).toBeVisible({
      timeout: 30_000,
    });
    await controlPlane.fill('1');
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(
      page
        .getByText('1 is outside the bounds of profile production (3–5)')
        .first(),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, '3-too-few-nodes');
    await controlPlane.fill('3');
    await page.getByRole('button', { name: 'Next', exact: true }).click();

    // a review date beyond the profile's interval
    await page.getByLabel(/^Review by/).fill(dateInMonths(24));
    await page.getByRole('button', { name: 'Review', exact: true }).click();
    await expect(
      page.getByText(/is reviewed at least every 12 months/).first(),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
    await saveScreenshot(page, testInfo, '4-far-review-date');
    expect(created).toEqual([]);
  });

  test('a developer does not see the template', async ({ page }, testInfo) => {
    await signInAs(page, 'Devon Clarke', '/create');
    await openCreatePage(page);
    // wait until the template list has loaded, so "not there" is not just "not loaded yet"
    await expect(page.getByRole('progressbar')).toHaveCount(0, {
      timeout: 30_000,
    });
    await expect(
      page.getByRole('heading', { name: 'Templates' }),
    ).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expect(page.getByText(TEMPLATE_TITLE)).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'create-page');
    // the catalog hides it from the catalog itself, and the form cannot be opened by URL either
    await page.goto('/catalog/default/template/new-cluster');
    await expect(page.getByText('Entity not found')).toBeVisible();
    await saveScreenshot(page, testInfo, 'template-page');
    await page.goto('/create/templates/default/new-cluster');
    await page.waitForLoadState('networkidle');
    await expect(page.getByText(/Failed to load template/)).toBeVisible();
    await expect(page.getByText('Profile and purpose')).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'template-form');
  });

  test('a developer who runs the actions anyway gets a clear denial', async ({
    request,
  }) => {
    // Devon cannot open the template, but the scaffolder's dry run accepts a template in the request
    // body: the actions themselves must refuse.
    const token = await personaToken(request, 'devon.developer');
    const template = parse(
      fs.readFileSync(
        path.resolve(__dirname, '../../templates/new-cluster/template.yaml'),
        'utf8',
      ),
    );
    const response = await request.post('/api/scaffolder/v2/dry-run', {
      headers: { Authorization: `Bearer ${token}` },
      data: {
        template,
        values: {
          profile: 'clusterprofile:default/edge',
          owner: 'group:default/team-checkout',
          purpose: 'Trying anyway',
          environment: 'edge',
          environmentGroup: 'far-edge',
          region: 'eu-central-1',
          name: 'edg-ber04-store-01',
          controlPlaneNodes: 1,
          workerNodes: 0,
          lifetimeClass: 'long-lived',
          reviewBy: dateInMonths(6),
          cidrs: { podCidr: '172.16.100.0/22', serviceCidr: '172.24.100.0/24' },
        },
        secrets: {},
        directoryContents: [],
      },
    });
    const body = await response.text();
    expect(body).toContain(
      'user:default/devon.developer may not request new clusters: the permission fleet.cluster.request is not granted',
    );
  });
});

/** A Backstage token of a demo persona, from the development-only persona sign-in. */
async function personaToken(request: APIRequestContext, userName: string) {
  const response = await request.get('/api/auth/demoPersona/refresh', {
    headers: { 'x-fleet-demo-persona': userName },
  });
  expect(response.ok()).toBeTruthy();
  return (await response.json()).backstageIdentity.token as string;
}
