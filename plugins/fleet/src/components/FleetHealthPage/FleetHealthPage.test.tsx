import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { responseError } from '../../__testUtils__/fleet';
import {
  downSource,
  fleetSummary,
  healthGrid,
  healthPage,
  mockFleetHealthApi,
  worstFirst,
} from '../../__testUtils__/health';
import { testRoutes } from '../../__testUtils__/render';
import {
  fleetHealthApiRef,
  type FleetHealthApi,
} from '../../api/FleetHealthApi';
import { FleetHealthPage } from './FleetHealthPage';

function LocationProbe() {
  const location = useLocation();
  return (
    <div data-testid="location">{`${location.pathname}${location.search}`}</div>
  );
}

const render = (healthApi: FleetHealthApi, url = '/fleet/health') =>
  renderInTestApp(
    <TestApiProvider apis={[[fleetHealthApiRef, healthApi]]}>
      <FleetHealthPage />
      <LocationProbe />
    </TestApiProvider>,
    { ...testRoutes, routeEntries: [url] },
  );

function api(overrides: Partial<FleetHealthApi> = {}) {
  return mockFleetHealthApi({
    getSummary: jest.fn().mockResolvedValue(fleetSummary()),
    getGrid: jest.fn().mockResolvedValue(healthGrid()),
    listClusters: jest.fn().mockResolvedValue(healthPage()),
    ...overrides,
  });
}

const location = () => screen.getByTestId('location').textContent!;
const heatMapRows = async () => {
  const table = await screen.findByRole('grid', {
    name: 'Fleet health heat map',
  });
  return within(table)
    .getAllByRole('row')
    .filter(row => row.hasAttribute('data-cluster'));
};

describe('FleetHealthPage', () => {
  it('paints the heat map worst first, grouped by environment, without downloading the fleet', async () => {
    const healthApi = api();
    await render(healthApi);
    const rows = await heatMapRows();
    expect(rows.map(r => r.getAttribute('data-cluster'))).toEqual([
      'prd-euw1-payments-01',
      'legacy-ams-01',
      'prd-euw1-checkout-01',
      'stg-euw1-checkout-01',
    ]);
    expect(healthApi.getGrid).toHaveBeenCalledWith({
      groupBy: 'environment',
      offset: 0,
      limit: 1000,
    });
    expect(healthApi.getFleetHealth).not.toHaveBeenCalled();
    const certificate = within(rows[0]).getByLabelText(
      'Certificate expiry: Critical',
    );
    expect(certificate).toHaveAttribute('data-status', 'critical');
    expect(
      within(rows[0]).getByRole('link', { name: 'prd-euw1-payments-01' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/prd-euw1-payments-01/health',
    );
    expect(within(rows[1]).getByText('(unregistered)')).toBeInTheDocument();
  });

  it('opens the cluster’s health tab from a cell', async () => {
    await render(api());
    const [first] = await heatMapRows();
    await userEvent.click(
      within(first).getByLabelText('Certificate expiry: Critical'),
    );
    expect(location()).toBe(
      '/catalog/default/resource/prd-euw1-payments-01/health',
    );
  });

  it('tells a hovered cell’s verdict, asking for that cluster only', async () => {
    const [payments] = worstFirst();
    const healthApi = api({
      listClusters: jest.fn().mockResolvedValue(healthPage([payments])),
    });
    await render(healthApi);
    const [first] = await heatMapRows();
    fireEvent.mouseOver(
      within(first).getByLabelText('Certificate expiry: Critical'),
    );
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('prd-euw1-payments-01');
    expect(tooltip).toHaveTextContent('Certificate expiry');
    expect(
      await within(tooltip).findByText(
        'A certificate expires in 5 days, below the critical threshold of 7 days',
      ),
    ).toBeInTheDocument();
    expect(healthApi.listClusters).toHaveBeenCalledWith({
      cluster: ['prd-euw1-payments-01'],
      limit: 1,
    });
  });

  it('asks the server for the filtered selection and keeps it in the URL', async () => {
    const healthApi = api();
    await render(healthApi);
    await heatMapRows();
    const statusFilter = screen.getByRole('group', { name: 'Status filter' });
    await userEvent.click(within(statusFilter).getByText('Critical'));
    await waitFor(() =>
      expect(healthApi.getGrid).toHaveBeenLastCalledWith({
        status: ['critical'],
        groupBy: 'environment',
        offset: 0,
        limit: 1000,
      }),
    );
    expect(location()).toBe('/fleet/health?status=critical');
  });

  it('sorts by one signal from its column header', async () => {
    const healthApi = api();
    await render(healthApi);
    await heatMapRows();
    await userEvent.click(
      screen.getByRole('columnheader', { name: 'Nodes not ready' }),
    );
    await waitFor(() =>
      expect(healthApi.getGrid).toHaveBeenLastCalledWith(
        expect.objectContaining({
          orderBy: 'signal',
          signal: 'nodes-not-ready',
        }),
      ),
    );
  });

  it('offers a paged list, grouped as the server grouped it', async () => {
    const items = worstFirst();
    const healthApi = api({
      listClusters: jest.fn().mockResolvedValue(
        healthPage(items, {
          groups: ['production', '(no environment)', 'production', 'staging'],
          totalItems: 120,
        }),
      ),
    });
    await render(healthApi, '/fleet/health?view=list');
    const production = await screen.findAllByRole('table', {
      name: 'Clusters in production',
    });
    // the server's order is kept: production, then the unregistered one, then production again
    expect(production).toHaveLength(2);
    expect(within(production[0]).getAllByRole('row')[1]).toHaveTextContent(
      'Certificate expiry: 5 days',
    );
    expect(
      screen.getByRole('table', { name: 'Clusters in (no environment)' }),
    ).toHaveTextContent('not in the catalog');
    expect(healthApi.listClusters).toHaveBeenCalledWith({
      groupBy: 'environment',
      limit: 50,
      verdicts: 'worst',
    });
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() =>
      expect(healthApi.listClusters).toHaveBeenLastCalledWith({
        groupBy: 'environment',
        offset: 50,
        limit: 50,
        verdicts: 'worst',
      }),
    );
    expect(healthApi.getGrid).not.toHaveBeenCalled();
  });

  it('shows the KPIs, clusters by environment, unregistered clusters, label coverage, drift and sources', async () => {
    await render(api());
    const kpis = await screen.findByRole('group', {
      name: 'Fleet health KPIs',
    });
    expect(within(kpis).getByLabelText('Critical: 1')).toBeInTheDocument();
    expect(within(kpis).getByLabelText('OK: 2')).toBeInTheDocument();
    expect(within(kpis).getByText('97 %')).toBeInTheDocument();
    const matrix = screen.getByRole('table', {
      name: 'Clusters by environment and status',
    });
    expect(within(matrix).getAllByRole('row')[1]).toHaveTextContent(
      'production10012',
    );
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

  it('filters from a count of the environment table', async () => {
    const healthApi = api();
    await render(healthApi);
    await userEvent.click(
      await screen.findByRole('button', { name: '1 Critical in production' }),
    );
    await waitFor(() =>
      expect(location()).toBe(
        '/fleet/health?environment=production&status=critical',
      ),
    );
  });

  it('says a source is down and claims no empty list as "none"', async () => {
    await render(
      api({
        getSummary: jest.fn().mockResolvedValue(
          fleetSummary({
            sources: [downSource],
            unregistered: { total: 0, names: [] },
            labelCoverage: { measured: 0, incompleteTotal: 0, incomplete: [] },
            drift: { total: 0, items: [] },
          }),
        ),
      }),
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
      api({
        getSummary: jest.fn().mockResolvedValue(
          fleetSummary({
            kpis: {
              clusters: 0,
              byStatus: { critical: 0, warning: 0, unknown: 0, ok: 0 },
              unregistered: 0,
              drifted: 0,
            },
            environments: [],
          }),
        ),
        getGrid: jest.fn().mockResolvedValue(healthGrid([])),
      }),
    );
    expect(await screen.findByText('No clusters')).toBeInTheDocument();
  });

  it('shows a permission message on 403', async () => {
    await render(
      api({
        getSummary: jest.fn().mockRejectedValue(await responseError(403)),
        getGrid: jest.fn().mockRejectedValue(await responseError(403)),
      }),
    );
    expect(
      await screen.findByText('Warning: You may not see fleet health'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render(
      api({
        getSummary: jest.fn().mockReturnValue(new Promise(() => {})),
        getGrid: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.getByLabelText('Loading the heat map')).toBeInTheDocument();
  });
});
