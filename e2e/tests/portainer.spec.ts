import { expect, Page, test } from '@playwright/test';
import type { FakePortainer } from '../../plugins/catalog-backend-module-fleet-portainer/src/__testUtils__/fakePortainer';
import { startE2ePortainer, E2E_PORTAINER_PORT } from '../portainerFake';
import { saveScreenshot, signInAs } from './helpers';

// The backend reads the fake every 3 s (e2e/app-config.e2e.yaml); before this spec
// starts it, each run fails and changes nothing.
let portainer: FakePortainer;
test.beforeAll(async () => {
  portainer = await startE2ePortainer();
});
test.afterAll(async () => {
  await portainer?.close();
});

/**
 * Reloads until the entity exists (the provider runs on a schedule). The "Entity not
 * found" page shows `namespace/name` as its heading; the entity's own page shows its
 * title, so the exact title is what tells them apart.
 */
async function openEntity(page: Page, path: string, title: string) {
  await expect(async () => {
    await page.goto(path);
    await expect(
      page.getByRole('heading', { name: title, exact: true }).first(),
    ).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000 });
}

test.describe('clusters from Portainer (platform owner)', () => {
  test('an environment the platform repository lacks is listed as ungoverned', async ({
    page,
  }, testInfo) => {
    await signInAs(page, 'Priya Raman');
    await openEntity(
      page,
      '/catalog/portainer-e2e/resource/pop-up-store-leipzig',
      'Pop-up Store Leipzig',
    );
    await expect(
      page
        .getByText(
          'Known to Portainer (e2e) but not in the platform repository',
          { exact: false },
        )
        .first(),
    ).toBeVisible();
    await expect(
      page.getByRole('link', { name: /platform-team|Platform Team/ }).first(),
    ).toBeVisible();
    const link = page.getByRole('link', { name: 'Portainer (e2e)' });
    await expect(link).toHaveAttribute(
      'href',
      `http://127.0.0.1:${E2E_PORTAINER_PORT}/#!/9/kubernetes/dashboard`,
    );
    await saveScreenshot(page, testInfo, 'entity page');

    await expect(
      page.getByText('Not under fleet governance', { exact: false }).first(),
    ).toBeVisible();

    // The lifecycle view lists it with the rest of the fleet, once its catalog snapshot (judged
    // once and kept for fleet.lifecycle.catalogSnapshotSeconds, 30 s) includes the new entity.
    const row = page
      .getByRole('table', { name: 'Clusters' })
      .getByRole('row')
      .filter({ hasText: /Pop-up Store Leipzig|pop-up-store-leipzig/ });
    await expect(async () => {
      await page.goto('/fleet/lifecycle?search=pop-up-store-leipzig');
      await expect(row).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await expect(row).toContainText('Platform Team');
    await expect(row).toContainText('Ungoverned');
    await saveScreenshot(page, testInfo, 'lifecycle');
  });

  test('a known cluster stays one entity and links to Portainer', async ({
    page,
  }, testInfo) => {
    await signInAs(page, 'Priya Raman');
    await openEntity(
      page,
      '/catalog/default/resource/prd-euw1-payments-01',
      'prd-euw1-payments-01',
    );
    await expect(async () => {
      await page.reload();
      await expect(
        page.getByRole('link', { name: 'Portainer (e2e)' }),
      ).toHaveAttribute(
        'href',
        `http://127.0.0.1:${E2E_PORTAINER_PORT}/#!/3/kubernetes/dashboard`,
        { timeout: 3_000 },
      );
    }).toPass({ timeout: 60_000 });
    await saveScreenshot(page, testInfo, 'governed cluster with link');

    // One entity: the catalog lists no Portainer copy of the governed cluster.
    await page.goto(
      '/catalog?filters[kind]=resource&filters[type]=kubernetes-cluster&filters[user]=all',
    );
    const table = page.getByRole('table');
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: /Pop-up Store Leipzig|pop-up-store-leipzig/ }),
    ).toBeVisible();
    await expect(
      table.getByRole('row').filter({ hasText: 'prd-euw1-payments-01' }),
    ).toHaveCount(1);
    await saveScreenshot(page, testInfo, 'catalog list');
  });
});
