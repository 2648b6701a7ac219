import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAs } from './helpers';

test('the sign-in page offers the guest and the three personas', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Enter' })).toBeVisible();
  for (const name of ['Priya Raman', 'Devon Clarke', 'Morgan Ellis']) {
    await expect(
      page.getByRole('button', { name: `Sign in as ${name}` }),
    ).toBeVisible();
  }
  await saveScreenshot(page, testInfo);
});

test('a persona signs in as the catalog user', async ({ page }, testInfo) => {
  await signInAs(page, 'Morgan Ellis', '/settings');
  // the user entity comes from the catalog, ownership from the user's real group membership
  const identity = page
    .locator('[class*="MuiCard"]')
    .filter({ hasText: 'Backstage Identity' });
  await expect(
    identity.getByRole('link', { name: 'Morgan Ellis' }).first(),
  ).toBeVisible();
  await expect(
    identity.getByRole('link', { name: 'Management' }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo);
});
