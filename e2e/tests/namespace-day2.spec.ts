import { expect, Locator, Page, test } from '@playwright/test';
import { parse } from 'yaml';
import {
  personaToken,
  platformRepoGit,
  saveScreenshot,
  signInAs,
  taskCount,
} from './helpers';

// Day-2 tenant namespaces as Devon (team-checkout): change a namespace through the change
// template from its page, and give one back. Only this spec changes `checkout` on
// stg-euw1-checkout-01; other specs may add team-checkout namespaces on that cluster, so the
// budget numbers are read as ranges (templates/change-tenant-namespace/FIELDS.md, demo numbers:
// non-production budget 180 pods per team and cluster, checkout starts at 100 pods).
const CLUSTER = 'stg-euw1-checkout-01';
const NAMESPACE = 'checkout';
const ENTITY_PAGE = `/catalog/default/resource/${CLUSTER}.${NAMESPACE}`;
const DIR = `clusters/${CLUSTER}/namespaces/${NAMESPACE}`;
const DEVON = 'user:default/devon.developer';

/** From a namespace page, the Day-2 template its button opens, with the namespace chosen. */
async function openFromNamespacePage(
  page: Page,
  entityPage: string,
  button: 'Change' | 'Give back',
  picked: RegExp,
) {
  // the templates are in the catalog a little after start: retry from the page
  await expect(async () => {
    await page.goto(entityPage);
    await page.getByRole('button', { name: button }).click({ timeout: 10_000 });
    await expect(page.getByText(picked).first()).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 120_000 });
}

/** Presses Next until the locator is on screen (the templates put fields on their own steps). */
async function nextUntil(page: Page, target: Locator) {
  for (let step = 0; step < 4 && !(await target.isVisible()); step++) {
    await page.getByRole('button', { name: 'Next' }).click();
    await target
      .waitFor({ state: 'visible', timeout: 5_000 })
      .catch(() => undefined);
  }
  await expect(target).toBeVisible();
}

function quotaOnMain(): Record<string, string> {
  return parse(platformRepoGit('show', `main:${DIR}/namespace.yaml`)).spec
    .quota;
}

test.describe('Day-2 tenant namespaces', () => {
  test('Devon raises a staging namespace quota (on main, shown after refresh) and is refused above the team budget, no task created', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    const mainBefore = platformRepoGit('rev-parse', 'main').trim();
    expect(quotaOnMain().pods).toBe('100');

    await signInAs(page, 'Devon Clarke', ENTITY_PAGE);
    // the team's usage against its budget on the cluster, by the group's title (the catalog
    // may still be reading the platform repository right after start)
    await expect(async () => {
      await page.goto(ENTITY_PAGE);
      await expect(
        page.getByText(
          new RegExp(
            `^Checkout on ${CLUSTER}: \\d of 4 namespaces, .*\\d+ of 180 pods`,
          ),
        ),
      ).toBeVisible({ timeout: 10_000 });
    }).toPass({ timeout: 120_000 });
    await saveScreenshot(page, testInfo, '1-namespace-page');

    // Change, from the namespace page: the namespace is chosen, the quota starts at its own
    await openFromNamespacePage(
      page,
      ENTITY_PAGE,
      'Change',
      new RegExp(`checkout — ${CLUSTER} · staging · Checkout`),
    );
    await saveScreenshot(page, testInfo, '2-change-namespace');
    const pods = page.getByLabel('pods', { exact: true });
    await nextUntil(page, pods);
    await expect(pods).toHaveValue('100');
    await expect(
      page.getByText(
        /now 100 · default 30 · max 200 · \d+ left in the team budget/,
      ),
    ).toBeVisible();
    await pods.fill('120');
    const reason = page.getByRole('textbox', { name: /reason|why/i });
    await nextUntil(page, reason);
    await reason.fill('More checkout workers for the load test');
    await saveScreenshot(page, testInfo, '3-change-quota');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByText('120').first()).toBeVisible();
    await saveScreenshot(page, testInfo, '4-review');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText(/direct —/).first()).toBeVisible({
      timeout: 90_000,
    });
    await saveScreenshot(page, testInfo, '5-done');

    // on main, authored by Devon, with the reason; the ResourceQuota follows
    expect(platformRepoGit('rev-parse', 'main').trim()).not.toBe(mainBefore);
    const log = platformRepoGit('log', '-1', '--format=%an%n%B', 'main');
    expect(log).toContain('Devon Clarke');
    expect(log).toContain('More checkout workers for the load test');
    expect(quotaOnMain()).toMatchObject({ pods: '120', 'requests.cpu': '4' });

    // after the catalog's next read the namespace page shows the new quota
    await expect(async () => {
      await page.goto(ENTITY_PAGE);
      await expect(page.getByRole('table', { name: 'Quota' })).toContainText(
        'pods120',
        { timeout: 5_000 },
      );
    }).toPass({ timeout: 90_000 });
    await expect(
      page.getByText(new RegExp(`^Checkout on ${CLUSTER}: .*\\d+ of 180 pods`)),
    ).toBeVisible();
    await saveScreenshot(page, testInfo, '6-new-quota');

    // above the team budget (within the profile's maximum of 200): refused at the field with
    // usage and budget, no task created
    const token = await personaToken(request, 'devon.developer');
    const tasksBefore = await taskCount(request, token, DEVON);
    await openFromNamespacePage(
      page,
      ENTITY_PAGE,
      'Change',
      new RegExp(`checkout — ${CLUSTER}`),
    );
    await nextUntil(page, pods);
    await expect(pods).toHaveValue('120');
    await pods.fill('190');
    await nextUntil(page, reason);
    await reason.fill('Even more workers');
    await page.getByRole('button', { name: 'Review' }).click();
    const refusal = page
      .getByText(
        new RegExp(
          `team-checkout would use \\d+ of its budget of 180 pods on ${CLUSTER} \\(now \\d+\\)`,
        ),
      )
      .first();
    await expect(refusal).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);
    await saveScreenshot(page, testInfo, '7-over-budget');
    expect(await taskCount(request, token, DEVON)).toBe(tasksBefore);
    expect(quotaOnMain().pods).toBe('120');
  });

  test('giving back a production namespace names what is deleted and is a proposal; a wrong confirmation is refused', async ({
    page,
    request,
  }, testInfo) => {
    test.setTimeout(240_000);
    const cluster = 'prd-euw1-checkout-01';
    const token = await personaToken(request, 'devon.developer');
    const tasksBefore = await taskCount(request, token, DEVON);
    await signInAs(page, 'Devon Clarke', '/');
    await openFromNamespacePage(
      page,
      `/catalog/default/resource/${cluster}.cart`,
      'Give back',
      new RegExp(`cart — ${cluster} · production · Checkout`),
    );
    const confirmation = page.getByRole('textbox', { name: /confirm/i });
    await nextUntil(page, confirmation);
    await expect(
      page.getByText(`clusters/${cluster}/namespaces/cart/`).first(),
    ).toBeVisible();
    await expect(
      page.getByText(/production cluster, so this is a proposal/),
    ).toBeVisible();
    await confirmation.fill('carts');
    const reason = page.getByRole('textbox', { name: /reason|why/i });
    await nextUntil(page, reason);
    await reason.fill('The cart service moved to checkout');
    await page.getByRole('button', { name: 'Review' }).click();
    const wrong = page
      .getByText(/"carts" is not cart; type the namespace's name/)
      .first();
    await expect(wrong).toBeVisible();
    await saveScreenshot(page, testInfo, '1-wrong-confirmation');
    await confirmation.fill('cart');
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
    await saveScreenshot(page, testInfo, '2-review');
    // stopped at the review: nothing was asked of the backend
    expect(await taskCount(request, token, DEVON)).toBe(tasksBefore);
  });
});
