import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { responseError } from '../../__testUtils__/fleet';
import {
  downSource,
  fleetSnapshot,
  mockFleetHealthApi,
} from '../../__testUtils__/health';
import { testRoutes } from '../../__testUtils__/render';
import {
  fleetHealthApiRef,
  type FleetHealthApi,
} from '../../api/FleetHealthApi';
import { FleetHealthPage } from './FleetHealthPage';

const render = (healthApi: FleetHealthApi) =>
  renderInTestApp(
    <TestApiProvider apis={[[fleetHealthApiRef, healthApi]]}>
      <FleetHealthPage />
    </TestApiProvider>,
    testRoutes,
  );

const withSnapshot = (snapshot = fleetSnapshot()) =>
  mockFleetHealthApi({ getFleetHealth: jest.fn().mockResolvedValue(snapshot) });

describe('FleetHealthPage', () => {
  it('groups clusters by environment, worst first, with the worst signal and a link to the tab', async () => {
    await render(withSnapshot());
    const production = await screen.findByRole('table', {
      name: 'Clusters in production',
    });
    const rows = within(production).getAllByRole('row').slice(1);
    expect(rows.map(r => r.getAttribute('data-cluster'))).toEqual([
      'prd-euw1-payments-01',
      'prd-euw1-checkout-01',
    ]);
    expect(rows[0]).toHaveTextContent('Certificate expiry: 5 days');
    expect(
      within(rows[0]).getByRole('link', { name: 'prd-euw1-payments-01' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/prd-euw1-payments-01/health',
    );
    expect(
      screen.getByRole('table', { name: 'Clusters in staging' }),
    ).toBeInTheDocument();
    // unregistered clusters have no environment and no link
    const none = screen.getByRole('table', {
      name: 'Clusters in (no environment)',
    });
    expect(within(none).getByText('legacy-ams-01')).toBeInTheDocument();
    expect(within(none).getByText('not in the catalog')).toBeInTheDocument();
  });

  it('shows the KPIs, unregistered clusters, label coverage, drift and sources', async () => {
    await render(withSnapshot());
    const kpis = await screen.findByRole('group', {
      name: 'Fleet health KPIs',
    });
    expect(within(kpis).getByLabelText('Critical: 1')).toBeInTheDocument();
    expect(within(kpis).getByLabelText('OK: 2')).toBeInTheDocument();
    expect(within(kpis).getByText('97 %')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('list', { name: 'Unregistered clusters' }),
      ).getByText('legacy-ams-01'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Label coverage' }),
    ).toHaveTextContent('edg-ber01-store-0180 %200site');
    expect(
      screen.getByRole('table', { name: 'Version drift' }),
    ).toHaveTextContent(
      'prd-euw1-checkout-01kubernetes1.30.21.31.4>=1.30.0 <1.32.0 (within)',
    );
    expect(
      screen.getByText(/prometheus-demo \(prometheus\) up/),
    ).toBeInTheDocument();
  });

  it('filters by status', async () => {
    await render(withSnapshot());
    await screen.findByRole('table', { name: 'Clusters in production' });
    const statusFilter = screen.getByRole('group', { name: 'Status filter' });
    await userEvent.click(within(statusFilter).getByText('Critical'));
    expect(
      screen.getByRole('table', { name: 'Clusters in production' }),
    ).not.toHaveTextContent('prd-euw1-checkout-01');
    expect(
      screen.queryByRole('table', { name: 'Clusters in staging' }),
    ).not.toBeInTheDocument();
  });

  it('filters by cluster name', async () => {
    await render(withSnapshot());
    await userEvent.type(await screen.findByLabelText('Cluster name'), 'stg-');
    expect(
      screen.queryByRole('table', { name: 'Clusters in production' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Clusters in staging' }),
    ).toBeInTheDocument();
  });

  it('says a source is down and claims no empty list as "none"', async () => {
    await render(
      withSnapshot(
        fleetSnapshot({
          sources: [downSource],
          unregistered: [],
          labelCoverage: [],
          drift: [],
        }),
      ),
    );
    expect(
      await screen.findByText(
        'Unregistered clusters are unknown while metrics source prometheus-demo is unavailable.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/None: every cluster/)).not.toBeInTheDocument();
    expect(screen.queryByText(/No version drift/)).not.toBeInTheDocument();
    expect(
      screen.queryByText('No coverage measured yet.'),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByText(
        'Error: Metrics source prometheus-demo is unavailable: connect ECONNREFUSED 127.0.0.1:9090',
      ),
    ).toBeInTheDocument();
  });

  it('says when there are no clusters', async () => {
    await render(
      withSnapshot(fleetSnapshot({ clusters: [], unregistered: [] })),
    );
    expect(await screen.findByText('No clusters')).toBeInTheDocument();
  });

  it('shows progress, then a permission message on 403', async () => {
    await render(
      mockFleetHealthApi({
        getFleetHealth: jest.fn().mockRejectedValue(await responseError(403)),
      }),
    );
    expect(
      await screen.findByText('Warning: You may not see fleet health'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render(
      mockFleetHealthApi({
        getFleetHealth: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });
});
