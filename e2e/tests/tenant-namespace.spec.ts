import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, Page, test, TestInfo } from '@playwright/test';
import { parse } from 'yaml';
import { e2eDataDirFile } from '../playwright.config';
import { saveScreenshot, signInAs } from './helpers';

// A developer (Devon, team-checkout) requests tenant namespaces through the template. The e2e copy
// of the demo platform repository is read with git afterwards; the catalog reads it every 5 s.
// exact: the Day-2 templates' titles ("Change a tenant namespace", ...) contain it too
const TEMPLATE_TITLE = 'Tenant namespace';

function platformRepo(): string {
  const dataDir = fs.readFileSync(e2eDataDirFile, 'utf8').trim();
  return path.join(dataDir, 'platform-config.git');
}

function git(...args: string[]): string {
  return execFileSync('git', ['--git-dir', platformRepo(), ...args], {
    encoding: 'utf8',
  });
}

function hasFile(ref: string, file: string): boolean {
  return git('ls-tree', '--name-only', ref, '--', file).trim() !== '';
}

async function openTemplate(page: Page) {
  const card = page
    .locator('[class*="MuiCard"]')
    .filter({ has: page.getByText(TEMPLATE_TITLE, { exact: true }) });
  await expect(async () => {
    await page.goto('/create');
    await expect(card).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await card.getByRole('button', { name: 'Choose' }).click();
}

async function fillRequest(
  page: Page,
  testInfo: TestInfo,
  request: { cluster: string; namespace: string; cpu: string },
) {
  const card = page
    .locator('[class*="MuiCard"]')
    .filter({ has: page.getByText(TEMPLATE_TITLE, { exact: true }) });
  await expect(async () => {
    await page.goto('/create');
    await expect(card).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  await card.getByRole('button', { name: 'Choose' }).click();

  // Step 1: cluster and team. Only governed, live clusters are offered.
  await page
    .getByRole('button', { name: /Cluster/ })
    .first()
    .click();
  await expect(
    page.getByRole('option', { name: /^tst-euw1-reindex-01/ }),
  ).toHaveCount(0); // deprecated
  await saveScreenshot(page, testInfo, `${request.namespace}-1-clusters`);
  await page
    .getByRole('option', { name: new RegExp(`^${request.cluster}`) })
    .click();
  await page.getByLabel(/^Namespace name/).fill(request.namespace);
  // Devon belongs to one group only, which MyGroupsPicker then chooses by itself
  await expect(page.getByRole('textbox', { name: 'Team' })).toHaveValue(
    'Checkout',
  );
  await page.getByLabel(/^Cost center/).fill('cc-4711');
  await page.getByLabel(/^Description/).fill('Checkout search, e2e');
  await saveScreenshot(page, testInfo, `${request.namespace}-2-cluster-team`);
  await page.getByRole('button', { name: 'Next' }).click();

  // Step 2: the quota starts at the profile's defaults and is checked against its maximums
  const cpu = page.getByLabel('requests.cpu');
  await expect(cpu).not.toHaveValue('');
  await cpu.fill('999');
  await expect(page.getByText(/is above the maximum of/).first()).toBeVisible();
  await cpu.fill(request.cpu);
  await page
    .getByLabel(/^Why do you need it/)
    .fill('A namespace for the checkout search service');
  await saveScreenshot(page, testInfo, `${request.namespace}-3-quota`);
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(request.namespace).first()).toBeVisible();
  await saveScreenshot(page, testInfo, `${request.namespace}-4-review`);
  await page.getByRole('button', { name: 'Create' }).click();
}

test.describe('tenant namespace request', () => {
  test('a developer gets a namespace on a non-production cluster: on main, then in the catalog', async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const cluster = 'stg-euw1-checkout-01';
    const namespace = 'checkout-search-e2e';
    const dir = `clusters/${cluster}/namespaces/${namespace}`;
    const mainBefore = git('rev-parse', 'main').trim();
    await signInAs(page, 'Devon Clarke', '/create');
    await fillRequest(page, testInfo, { cluster, namespace, cpu: '2' });

    await expect(
      page.getByText(/direct — profile non-production allows ClickOps/),
    ).toBeVisible({
      timeout: 90_000,
    });
    await saveScreenshot(page, testInfo, '5-done');

    // the change is on main, authored by Devon, with the baseline
    expect(git('rev-parse', 'main').trim()).not.toBe(mainBefore);
    const log = git('log', '-1', '--format=%an%n%B', 'main');
    expect(log).toContain('Devon Clarke');
    expect(log).toContain('Requested-by: user:default/devon.developer');
    expect(log).toContain('A namespace for the checkout search service');
    const manifests = git('show', `main:${dir}/manifests.yaml`)
      .split(/^---$/m)
      .map(doc => parse(doc));
    expect(manifests[0]).toMatchObject({
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: {
          'fleet-portal.dev/team': 'team-checkout',
          'fleet-portal.dev/environment': 'staging',
          'fleet-portal.dev/cost-center': 'cc-4711',
          'app.kubernetes.io/managed-by': 'fleet-portal',
        },
      },
    });
    expect(manifests[1].spec.hard['requests.cpu']).toBe('2');
    expect(manifests.map(m => m.kind)).toContain('NetworkPolicy');
    expect(manifests.map(m => m.kind)).toContain('RoleBinding');

    // after a catalog refresh the namespace entity exists, owned by the team, depending on the cluster
    const entityPage = `/catalog/default/resource/${cluster}.${namespace}`;
    await expect(async () => {
      await page.goto(entityPage);
      await expect(
        page.getByRole('link', { name: /team-checkout/ }).first(),
      ).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await expect(
      page.getByRole('link', { name: new RegExp(cluster) }).first(),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, '6-entity');
    // the relations, as the catalog stores them (the entity inspector's raw JSON)
    await page.goto(`${entityPage}?inspect=overview`);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: 'Raw JSON' }).click();
    await expect(dialog.getByText(/relations/).first()).toBeVisible();
    await saveScreenshot(page, testInfo, '7-relations');
    await expect(dialog).toContainText(
      new RegExp(
        `"type":\\s*"dependsOn",\\s*"targetRef":\\s*"resource:default/${cluster}"`,
      ),
    );
    await expect(dialog).toContainText(
      /"type":\s*"ownedBy",\s*"targetRef":\s*"group:default\/team-checkout"/,
    );
  });

  test('the same request on a production cluster is a proposal branch, nothing on main', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const cluster = 'prd-euw1-checkout-01';
    const namespace = 'checkout-search-e2e';
    const dir = `clusters/${cluster}/namespaces/${namespace}`;
    const mainBefore = git('rev-parse', 'main').trim();
    await signInAs(page, 'Devon Clarke', '/create');
    await fillRequest(page, testInfo, { cluster, namespace, cpu: '4' });

    await expect(
      page.getByText(`propose — ${cluster} is a production cluster`),
    ).toBeVisible({ timeout: 90_000 });
    const branchText = await page
      .getByText(/^Branch: fleet\/namespace\//)
      .first()
      .textContent();
    const branch = branchText!.replace(/^Branch:\s*/, '').trim();
    expect(branch).toMatch(new RegExp(`^fleet/namespace/${cluster}/`));
    // an honest result: the proposal (its branch; a link where the host has a web URL, which the
    // e2e bare repository has not), not a namespace entity that does not exist before the merge
    await expect(
      page.getByText(/appears in the catalog once the proposal is\s+merged/),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: /Namespace in the catalog/ }),
    ).toHaveCount(0);
    await expect(page.getByText('Requested by: Devon Clarke')).toBeVisible();
    await saveScreenshot(page, testInfo, '5-done');

    expect(git('rev-parse', 'main').trim()).toBe(mainBefore);
    expect(hasFile('main', `${dir}/namespace.yaml`)).toBe(false);
    expect(hasFile(branch, `${dir}/namespace.yaml`)).toBe(true);
    expect(git('log', '-1', '--format=%an', branch).trim()).toBe(
      'Devon Clarke',
    );
  });

  test('the wizard stops a bad name, an over-maximum quota and offers no forbidden role; no task is created', async ({
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
    await signInAs(page, 'Devon Clarke', '/create');
    await openTemplate(page);
    await page
      .getByRole('button', { name: /Cluster/ })
      .first()
      .click();
    await page.getByRole('option', { name: /^prd-euw1-checkout-01/ }).click();
    await page.getByLabel(/^Cost center/).fill('cc-4711');

    // a bad name: no error before the field is touched, the rule in words on Next, no regex
    const name = page.getByLabel(/^Namespace name/);
    await name.fill('Checkout_Search');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(
      page
        .getByText(
          /"Checkout_Search" must be lowercase letters, digits and '-'.*\(e\.g\. checkout-dev\)/,
        )
        .first(),
    ).toBeVisible();
    await expect(page.getByText(/\^\[a-z0-9\]/)).toHaveCount(0);
    await saveScreenshot(page, testInfo, '1-bad-name');
    await name.fill('checkout-blocked');
    await page.getByRole('button', { name: 'Next' }).click();

    // production: the roles offered are the profile's (view, edit), never admin
    await expect(page.getByRole('checkbox', { name: /^edit/ })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^view/ })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /^admin/ })).toHaveCount(0);

    // over the maximum: the step does not advance
    await page.getByLabel('requests.cpu').fill('999');
    await page
      .getByLabel(/^Why do you need it/)
      .fill('Trying more than the profile allows');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(
      page.getByText(/requests\.cpu: 999 is above the maximum of/).first(),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
    await saveScreenshot(page, testInfo, '2-over-maximum');
    expect(created).toEqual([]);
  });

  test('a request only the backend can refuse says why, without a stack trace or server path', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    // pos exists on the store cluster: taken names are decided at submit time. The request fits the
    // team's budget there (the staging cluster's budget is what the specs before this one fill up)
    await signInAs(page, 'Devon Clarke', '/create');
    await fillRequest(page, testInfo, {
      cluster: 'edg-ber01-store-01',
      namespace: 'pos',
      cpu: '1',
    });
    const error = page
      .getByText(/pos already exists on edg-ber01-store-01/)
      .first();
    await expect(error).toBeVisible({ timeout: 90_000 });
    await saveScreenshot(page, testInfo, 'refused');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\n\s+at .+\(/);
    expect(text).not.toMatch(/\/(work|home|usr|app)\/[\w.-]+\//);
    expect(text).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+/);
  });
});
