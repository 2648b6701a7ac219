import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import { prometheusPidFile } from '../playwright.config';
import {
  ensurePrometheusRunning,
  saveScreenshot,
  signInAsGuest,
} from './helpers';

// The metrics source is the real Prometheus of e2e/start-prometheus.sh, fed by the metrics feeder
// from e2e/fixtures/health-scenario.json: every demo cluster healthy except one certificate of
// prd-euw1-checkout-01, which expires in 5 days. The last test stops that Prometheus.
const CRITICAL_CLUSTER = 'prd-euw1-checkout-01';
// an edge cluster: its profile runs Calico (examples/platform-config/profiles/edge)
const EDGE_CLUSTER = 'edg-ber01-store-01';
const HEALTH_TAB = `/catalog/default/resource/${CRITICAL_CLUSTER}/health`;

function signalRows(page: Page): Locator {
  return page.getByRole('table', { name: 'Signals' }).locator('tbody tr');
}

// Not serial: the tests are independent, and the one that stops the source runs last (one worker, file order).
test.describe('fleet health', () => {
  test.afterAll(async () => {
    await ensurePrometheusRunning();
  });

  test('the cluster whose certificate expires in 5 days shows that signal critical and the rest ok', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, HEALTH_TAB);
    // as the first test of a run, the catalog may not have read the platform repository yet
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('table', { name: 'Signals' })).toBeVisible({
        timeout: 5_000,
      });
    }).toPass({ timeout: 60_000, intervals: [3_000] });
    const rows = signalRows(page);
    const certificate = rows.filter({ hasText: 'Certificate expiry' });
    await expect(certificate.locator('[data-status]')).toHaveAttribute(
      'data-status',
      'critical',
    );
    await expect(certificate).toContainText(/5 days/);
    await expect(certificate).toContainText('critical ≤ 7 days');
    // every other signal of the catalogue is ok, none unknown or invented; Calico's does not
    // apply to a cluster whose profile runs Cilium
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const signal = await row.getAttribute('data-signal');
      if (signal === 'certificate-expiry') continue;
      await expect(
        row.locator('[data-status]'),
        await row.innerText(),
      ).toHaveAttribute(
        'data-status',
        signal === 'cni-calico' ? 'not-applicable' : 'ok',
      );
    }
    // history drawn from range queries
    await expect(
      certificate.getByRole('img', {
        name: /Certificate expiry: history of \d+ samples/,
      }),
    ).toBeVisible();
    await expect(page.getByText('prometheus-e2e').first()).toBeVisible();
    await saveScreenshot(page, testInfo);
  });

  test('the heat map shows the critical cluster in its first row, and a cell opens its health tab', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/fleet/health');
    await expect(
      page.getByRole('heading', { name: 'Fleet health' }).first(),
    ).toBeVisible();
    // The fixture has no unregistered cluster: every reporting cluster is in the catalog. Right after
    // the backend starts, its catalog view for unregistered clusters (read as the plugin, cached up to
    // 30 s) can predate the catalog's first read of the platform repository; reload until it is current.
    const unregistered = page
      .locator('[class*="MuiCard"]')
      .filter({ hasText: 'Unregistered clusters' })
      .first();
    await expect(async () => {
      await page.reload();
      await expect(unregistered).toContainText(
        'None: every cluster that reports metrics is in the catalog.',
        { timeout: 5_000 },
      );
    }).toPass({ timeout: 60_000, intervals: [5_000] });

    const grid = page.getByRole('grid', { name: 'Fleet health heat map' });
    const first = grid.locator('[role="row"][data-cluster]').first();
    await expect(first).toHaveAttribute('data-cluster', CRITICAL_CLUSTER);
    await expect(first).toBeInViewport();
    await expect(
      first.locator('[data-signal="certificate-expiry"]'),
    ).toHaveAttribute('data-status', 'critical');
    await expect(
      page
        .getByRole('group', { name: 'Fleet health KPIs' })
        .getByLabel('Critical: 1'),
    ).toBeVisible();
    // the edge clusters run Calico: judged by Calico's series, Cilium's signal does not apply
    const edge = grid.locator(`[role="row"][data-cluster="${EDGE_CLUSTER}"]`);
    await expect(edge.locator('[data-signal="cni-calico"]')).toHaveAttribute(
      'data-status',
      'ok',
    );
    await expect(edge.locator('[data-signal="cni-health"]')).toHaveAttribute(
      'data-status',
      'not-applicable',
    );
    // and the edge cluster is ok, not unknown for lack of a Cilium metric
    await expect(edge.locator('[data-column="-1"]')).toHaveAttribute(
      'data-status',
      'ok',
    );
    await saveScreenshot(page, testInfo, 'loaded');

    // hovering a cell tells its verdict and why
    await first.locator('[data-signal="certificate-expiry"]').hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText(CRITICAL_CLUSTER);
    await expect(tooltip).toContainText(/critical threshold 7 days/);
    await saveScreenshot(page, testInfo, 'hover');

    await page
      .getByRole('table', { name: 'Clusters by environment and status' })
      .scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'lower');

    await first.locator('[data-signal="certificate-expiry"]').click();
    await expect(page).toHaveURL(new RegExp(`${HEALTH_TAB}$`));
    await expect(page.getByRole('table', { name: 'Signals' })).toBeVisible();
  });

  test('the list view groups the clusters by environment, worst first', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(page, '/fleet/health?view=list');
    const production = page
      .getByRole('table', { name: 'Clusters in production' })
      .first();
    const first = production.locator('tbody tr').first();
    await expect(first).toHaveAttribute('data-cluster', CRITICAL_CLUSTER);
    await expect(first).toContainText('Certificate expiry');
    await expect(
      page.getByRole('table', { name: 'Clusters in edge' }),
    ).toBeVisible();
    await saveScreenshot(page, testInfo);
    await first.getByRole('link', { name: CRITICAL_CLUSTER }).click();
    await expect(page).toHaveURL(new RegExp(`${HEALTH_TAB}$`));
  });

  test('an edge cluster shows its CNI health from Calico series', async ({
    page,
  }, testInfo) => {
    await signInAsGuest(
      page,
      `/catalog/default/resource/${EDGE_CLUSTER}/health`,
    );
    const rows = signalRows(page);
    const calico = rows.filter({ hasText: 'CNI health (Calico)' });
    await expect(calico.locator('[data-status]')).toHaveAttribute(
      'data-status',
      'ok',
    );
    await expect(calico).toContainText(/0 failures/);
    const cilium = rows.filter({ hasText: 'CNI health (Cilium)' });
    await expect(cilium.locator('[data-status]')).toHaveAttribute(
      'data-status',
      'not-applicable',
    );
    await expect(cilium).toContainText('runs calico as its cni, not cilium');
    await saveScreenshot(page, testInfo);
  });

  test("a tenant namespace shows its cluster's health", async ({
    page,
  }, testInfo) => {
    // examples/platform-config/clusters/prd-euw1-checkout-01/namespaces/cart
    const name = `${CRITICAL_CLUSTER}.cart`;
    await signInAsGuest(page, `/catalog/default/resource/${name}`);
    const card = page
      .locator('[class*="MuiCard"]')
      .filter({ hasText: 'Cluster health' })
      .first();
    await expect(card.locator('[data-status]').first()).toHaveAttribute(
      'data-status',
      'critical',
    );
    await expect(card).toContainText('Worst signal: Certificate expiry');
    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo);
  });

  test('with the metrics source stopped the tab says the source is unavailable', async ({
    page,
  }, testInfo) => {
    const pid = Number(fs.readFileSync(prometheusPidFile, 'utf8').trim());
    process.kill(pid, 'SIGTERM');
    await expect
      .poll(
        () => {
          try {
            process.kill(pid, 0);
            return 'running';
          } catch {
            return 'stopped';
          }
        },
        { timeout: 20_000 },
      )
      .toBe('stopped');
    // the backend caches its snapshot for 2 s (e2e/app-config.e2e.yaml)
    await page.waitForTimeout(3_000);
    await signInAsGuest(page, HEALTH_TAB);
    await expect(
      page.getByText(/Metrics source prometheus-e2e is unavailable/).first(),
    ).toBeVisible();
    const rows = signalRows(page);
    await expect(rows.first()).toBeVisible();
    await expect(rows.locator('[data-status="ok"]')).toHaveCount(0);
    await expect(rows.locator('[data-status="critical"]')).toHaveCount(0);
    // what is known without the store stays known: Calico's signal does not apply
    await expect(rows.locator('[data-status="not-applicable"]')).toHaveCount(1);
    // nothing derived from the store is claimed as fine either
    await expect(page.getByText(/No version drift/)).toHaveCount(0);
    await expect(
      page.getByText(
        /Version drift: unknown while metrics source prometheus-e2e/,
      ),
    ).toBeVisible();
    await saveScreenshot(page, testInfo);
  });
});
