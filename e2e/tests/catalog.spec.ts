import { expect, test } from '@playwright/test';
import {
  demoClusterDate,
  saveScreenshot,
  signInAs,
  signInAsGuest,
} from './helpers';

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

  test("the cluster list shows the fleet's columns; other lists keep the catalog's", async ({
    page,
  }, testInfo) => {
    await signInAs(
      page,
      'Priya Raman',
      '/catalog?filters[kind]=resource&filters[type]=kubernetes-cluster&filters[user]=all',
    );
    const table = page.getByRole('table').first();
    for (const header of ['Profile', 'Environment', 'Review by', 'Status']) {
      await expect(
        table.getByRole('columnheader', { name: header, exact: true }),
      ).toBeVisible();
    }
    // a staging cluster: lifecycle experimental, its review date, the fleet's status
    const staging = table.getByRole('row').filter({
      has: page.getByRole('link', {
        name: 'stg-euw1-checkout-01',
        exact: true,
      }),
    });
    await expect(
      staging.getByRole('cell', { name: 'staging', exact: true }),
    ).toBeVisible();
    await expect(
      staging.getByRole('cell', { name: 'experimental', exact: true }),
    ).toBeVisible();
    await expect(
      staging.getByText(demoClusterDate('stg-euw1-checkout-01', 'reviewBy')),
    ).toBeVisible();
    await expect(staging.getByText('OK', { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    // a production cluster is production; the owner reads as the team's name, not its ref
    const production = table.getByRole('row').filter({
      has: page.getByRole('link', {
        name: 'prd-euw1-checkout-01',
        exact: true,
      }),
    });
    await expect(
      production.getByRole('cell', { name: 'production', exact: true }).first(),
    ).toBeVisible();
    await expect(
      production.getByRole('link', { name: 'Checkout', exact: true }),
    ).toBeVisible();
    await expect(table.getByText(/team-checkout/)).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'clusters');

    // clusters belong to no system; system, description and tags make room for the fleet's columns
    await expect(
      table.getByRole('columnheader', { name: 'System', exact: true }),
    ).toHaveCount(0);
    // other kinds: the catalog's default columns only
    await page.goto('/catalog?filters[kind]=group&filters[user]=all');
    const groups = page.getByRole('table').first();
    await expect(
      groups.getByRole('columnheader', { name: 'Description', exact: true }),
    ).toBeVisible();
    await expect(
      groups.getByRole('columnheader', { name: 'Status', exact: true }),
    ).toHaveCount(0);
  });
});
