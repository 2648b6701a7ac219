import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

test.describe('catalog', () => {
  test('guest signs in and the catalog lists the demo organisation', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/catalog?filters[kind]=group&filters[user]=all');
    const table = page.getByRole('table');
    // platform team, application teams and the management group, shown by display name
    for (const group of [
      'Platform Team',
      'Checkout',
      'Payments',
      'Search',
      'Data',
      'Management',
    ]) {
      await expect(
        table.getByRole('link', { name: group, exact: true }),
      ).toBeVisible();
    }
    await saveScreenshot(page, testInfo);
  });

  test('the demo users include the three personas', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/catalog?filters[kind]=user&filters[user]=all');
    const table = page.getByRole('table');
    // platform owner, developer and manager, shown by display name
    for (const user of ['Priya Raman', 'Devon Clarke', 'Morgan Ellis']) {
      await expect(
        table.getByRole('link', { name: user, exact: true }),
      ).toBeVisible();
    }
    await saveScreenshot(page, testInfo);
  });
});
