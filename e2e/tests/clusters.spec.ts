import { expect, test } from '@playwright/test';
import { saveScreenshot, signInAsGuest } from './helpers';

// The demo platform repository (examples/platform-config), ingested by the platform-repo provider.
test.describe('clusters in the catalog (platform owner)', () => {
  test('the catalog lists clusters with their owners', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(
      page,
      '/catalog?filters[kind]=resource&filters[type]=kubernetes-cluster&filters[user]=all',
    );
    const table = page.getByRole('table');
    await expect(
      table.getByRole('columnheader', { name: 'Owner' }),
    ).toBeVisible();
    const row = table
      .getByRole('row')
      .filter({ hasText: 'prd-euw1-payments-01' });
    await expect(row).toBeVisible();
    await expect(
      row.getByRole('link', { name: /payments/i }).last(),
    ).toBeVisible();
    await expect(
      table.getByRole('row').filter({ hasText: 'edg-ber01-store-01' }),
    ).toBeVisible();
    await saveScreenshot(page, testInfo);
  });

  test('a cluster page shows its profile and owner relations', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/catalog/default/resource/prd-euw1-payments-01');
    await expect(
      page.getByRole('heading', { name: /prd-euw1-payments-01/ }).first(),
    ).toBeVisible();
    const about = page
      .locator('article, [class*="MuiCard"]')
      .filter({ hasText: 'About' })
      .first();
    await expect(
      about.getByRole('link', { name: /payments/i }).first(),
    ).toBeVisible();
    // the relations card (catalog graph) draws the profile and the owning team
    const graph = page
      .locator('svg')
      .filter({ hasText: 'fleet-portal.dev/builtFrom' })
      .first();
    await expect(graph).toBeVisible();
    await expect(graph.getByText('Production', { exact: true })).toBeVisible();
    await expect(
      graph.getByText(/team-payments|Payments/).first(),
    ).toBeVisible();
    await saveScreenshot(page, testInfo);
  });

  test('the catalog graph links cluster, profile and team', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(
      page,
      '/catalog-graph?rootEntityRefs[]=resource:default/prd-euw1-payments-01&maxDepth=2&unidirectional=false',
    );
    const graph = page
      .locator('svg')
      .filter({ hasText: 'prd-euw1-payments-01' })
      .first();
    await expect(graph).toBeVisible();
    // cluster -> profile -> the profile's other clusters; cluster -> owning team
    await expect(graph.getByText('Production', { exact: true })).toBeVisible();
    await expect(
      graph.getByText('prd-aps1-search-01', { exact: true }),
    ).toBeVisible();
    await expect(graph.getByText('Payments', { exact: true })).toBeVisible();
    await expect(
      graph.getByText('fleet-portal.dev/builtFrom').first(),
    ).toBeVisible();
    await saveScreenshot(page, testInfo);
  });
});
