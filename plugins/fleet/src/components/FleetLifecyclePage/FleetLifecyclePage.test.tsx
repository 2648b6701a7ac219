import { useLocation } from 'react-router-dom';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fleetApiRef, type FleetApi } from '../../api/FleetApi';
import { FleetClient } from '../../api/FleetClient';
import {
  clusterLifecycle,
  lifecyclePage,
  mockFleetApi,
  responseError,
  schedule,
} from '../../__testUtils__/fleet';
import { testRoutes } from '../../__testUtils__/render';
import { FleetLifecyclePage } from './FleetLifecyclePage';

function LocationProbe() {
  const location = useLocation();
  return <div data-testid="search">{location.search}</div>;
}

const overdue = clusterLifecycle();
const healthy = clusterLifecycle({
  entityRef: 'resource:default/stg-euw1-search-01',
  name: 'stg-euw1-search-01',
  owner: 'group:default/team-search',
  environment: 'staging',
  profileVersion: '3.2.0',
  status: 'ok',
  daysLeft: 200,
});

function render(fleetApi: FleetApi, url = '/fleet/lifecycle') {
  return renderInTestApp(
    <TestApiProvider apis={[[fleetApiRef, fleetApi]]}>
      <FleetLifecyclePage />
      <LocationProbe />
    </TestApiProvider>,
    { ...testRoutes, routeEntries: [url] },
  );
}

function apiWithClusters(page = lifecyclePage([overdue, healthy])) {
  return mockFleetApi({
    listClusters: jest
      .fn()
      .mockResolvedValue({ ...page, schedule: schedule() }),
  });
}

const lastQuery = (api: jest.Mocked<FleetApi>) =>
  api.listClusters.mock.lastCall![0];
const searchParams = () =>
  new URLSearchParams(screen.getByTestId('search').textContent!);

describe('FleetLifecyclePage', () => {
  it('shows clusters marked retiring, and retired clusters with the day their CIDRs are free', async () => {
    const retiring = clusterLifecycle({
      entityRef: 'resource:default/edg-ber01-store-01',
      name: 'edg-ber01-store-01',
      retireBy: '2027-01-31',
      retiring: {
        reason: 'The store closes',
        requestedBy: 'user:default/priya.platform',
        requestedAt: '2026-12-06',
      },
    });
    const api = apiWithClusters(lifecyclePage([retiring, healthy]));
    api.listRetiredClusters.mockResolvedValue({
      items: [
        {
          cluster: 'edg-muc02-store-01',
          podCidr: '172.16.4.0/22',
          serviceCidr: '172.24.1.0/24',
          goneSince: '2026-12-06T10:00:00.000Z',
          cidrsFreeAt: '2026-12-13T10:00:00.000Z',
        },
      ],
    });
    await render(api);
    expect(await screen.findByText('Retiring')).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Retired clusters',
    });
    expect(within(table).getByText('edg-muc02-store-01')).toBeInTheDocument();
    expect(
      within(table).getByText('retired — CIDRs free on 2026-12-13'),
    ).toBeInTheDocument();
  });

  it('shows no retired clusters section when none are in their grace period', async () => {
    const api = apiWithClusters();
    await render(api);
    await waitFor(() => expect(api.listRetiredClusters).toHaveBeenCalled());
    expect(screen.queryByText('Retired clusters')).not.toBeInTheDocument();
  });

  it('asks for the worst status first and shows the clusters in that order', async () => {
    const api = apiWithClusters();
    await render(api);

    expect(
      screen.getByRole('heading', { name: 'Fleet lifecycle' }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Clusters' });
    expect(api.listClusters).toHaveBeenCalledWith({
      orderBy: 'status',
      order: 'asc',
      limit: 50,
      scheduleMonths: 12,
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('prd-euw1-payments-01');
    expect(rows[0]).toHaveTextContent('Review overdue');
    expect(rows[0]).toHaveTextContent('12 days overdue');
    expect(rows[0]).toHaveTextContent('2025-03-01');
    expect(rows[0]).toHaveTextContent('Behind');
    expect(rows[1]).toHaveTextContent('stg-euw1-search-01');
    expect(rows[1]).toHaveTextContent('OK');
    expect(
      within(table).getByRole('columnheader', { name: 'Status' }),
    ).toHaveAttribute('aria-sort', 'ascending');
    // the chart comes with the page: one request for both
    expect(
      await screen.findByRole('img', { name: /by month/ }),
    ).toBeInTheDocument();
    expect(api.listClusters).toHaveBeenCalledTimes(1);
    expect(api.getSchedule).not.toHaveBeenCalled();
  });

  it('reads the filters from the URL', async () => {
    const api = apiWithClusters();
    await render(
      api,
      '/fleet/lifecycle?status=retired&environment=production&offset=50',
    );
    await screen.findByRole('table', { name: 'Clusters' });
    expect(api.listClusters).toHaveBeenCalledWith({
      status: ['retired'],
      environment: ['production'],
      offset: 50,
      orderBy: 'status',
      order: 'asc',
      limit: 50,
      scheduleMonths: 12,
    });
  });

  it('filters by a picked value, updates the URL and goes back to the first page', async () => {
    const api = apiWithClusters(
      lifecyclePage([overdue, healthy], { totalItems: 300 }),
    );
    await render(api, '/fleet/lifecycle?offset=100');
    await screen.findByRole('table', { name: 'Clusters' });

    await userEvent.click(screen.getByRole('textbox', { name: 'Environment' }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'staging' }),
    );

    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ environment: ['staging'] }),
    );
    expect(lastQuery(api)).toMatchObject({ scheduleMonths: 12 });
    expect(lastQuery(api).offset).toBeUndefined();
    expect(searchParams().getAll('environment')).toEqual(['staging']);
    expect(searchParams().get('offset')).toBeNull();
  });

  it('offers every facet in the pickers, owners by name and statuses with counts', async () => {
    await render(apiWithClusters());
    await screen.findByRole('table', { name: 'Clusters' });
    for (const label of ['Owner', 'Environment', 'Profile', 'Status']) {
      expect(screen.getByRole('combobox', { name: label })).toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole('textbox', { name: 'Owner' }));
    expect(
      await screen.findByRole('option', { name: 'team-search' }),
    ).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('textbox', { name: 'Status' }));
    expect(
      await screen.findByRole('option', { name: 'Review overdue (1)' }),
    ).toBeInTheDocument();
  });

  it('pages on the server', async () => {
    const api = apiWithClusters(
      lifecyclePage([overdue, healthy], { totalItems: 120 }),
    );
    await render(api);
    await screen.findByRole('table', { name: 'Clusters' });

    await userEvent.click(screen.getByRole('button', { name: /next page/i }));

    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ offset: 50, limit: 50 }),
    );
    expect(searchParams().get('offset')).toBe('50');
  });

  it('sorts on the server, toggling the direction on a second click', async () => {
    const api = apiWithClusters();
    await render(api);
    const table = await screen.findByRole('table', { name: 'Clusters' });

    await userEvent.click(
      within(table).getByRole('button', { name: 'Review by' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        orderBy: 'reviewBy',
        order: 'asc',
      }),
    );
    await userEvent.click(
      within(table).getByRole('button', { name: 'Review by' }),
    );
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({
        orderBy: 'reviewBy',
        order: 'desc',
      }),
    );
    expect(searchParams().toString()).toBe('orderBy=reviewBy&order=desc');
  });

  it('searches once typing pauses', async () => {
    const api = apiWithClusters();
    await render(api);
    await screen.findByRole('table', { name: 'Clusters' });
    // Fake timers: no time passes between keystrokes however loaded the machine is, so the
    // debounce alone decides when the query is sent.
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'pay');
      expect(api.listClusters).not.toHaveBeenCalledWith(
        expect.objectContaining({ search: expect.anything() }),
      );
      await act(() => jest.advanceTimersByTimeAsync(400));
    } finally {
      jest.useRealTimers();
    }
    await waitFor(() =>
      expect(lastQuery(api)).toMatchObject({ search: 'pay' }),
    );
    for (const partial of ['p', 'pa']) {
      expect(api.listClusters).not.toHaveBeenCalledWith(
        expect.objectContaining({ search: partial }),
      );
    }
  });

  it('exports the filtered fleet as CSV with the user credentials', async () => {
    const fetch = jest.fn(async (url: string) =>
      url.includes('export.csv')
        ? new Response('name\n', { headers: { 'Content-Type': 'text/csv' } })
        : new Response(
            JSON.stringify(
              // eslint-disable-next-line no-nested-ternary
              url.includes('/cidr/retired')
                ? { items: [] }
                : url.includes('/lifecycle/schedule')
                ? schedule()
                : lifecyclePage([overdue]),
            ),
            { headers: { 'Content-Type': 'application/json' } },
          ),
    );
    const client = new FleetClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/fleet' },
      fetchApi: { fetch: fetch as typeof window.fetch },
    });
    const createObjectURL = jest.fn(() => 'blob:fleet');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    let downloadName = '';
    click.mockImplementation(function record(this: HTMLAnchorElement) {
      downloadName = this.download;
    });

    await render(
      client,
      '/fleet/lifecycle?owner=group%3Adefault%2Fteam-payments&offset=50',
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    await waitFor(() =>
      expect(fetch).toHaveBeenCalledWith(
        'http://backend/api/fleet/lifecycle/clusters/export.csv?owner=group%3Adefault%2Fteam-payments&orderBy=status&order=asc',
      ),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(downloadName).toMatch(/^fleet-lifecycle-\d{4}-\d{2}-\d{2}\.csv$/);
    click.mockRestore();
  });

  it('explains a failed export', async () => {
    const api = apiWithClusters();
    api.exportCsv.mockRejectedValue(await responseError(403));
    await render(api);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "You don't have permission to export the fleet lifecycle.",
    );
  });

  it('shows progress while the first page loads', async () => {
    const api = mockFleetApi({
      listClusters: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    await render(api);
    expect(screen.getAllByTestId('progress').length).toBeGreaterThan(0);
    expect(
      screen.queryByRole('table', { name: 'Clusters' }),
    ).not.toBeInTheDocument();
  });

  it('says when the fleet is empty', async () => {
    await render(apiWithClusters(lifecyclePage([])));
    expect(
      await screen.findByText('No clusters in the fleet yet'),
    ).toBeInTheDocument();
  });

  it('says when nothing matches the filters and clears them', async () => {
    const api = apiWithClusters(lifecyclePage([]));
    await render(api, '/fleet/lifecycle?status=retired&search=zzz');
    expect(
      await screen.findByText('No clusters match these filters.'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(searchParams().toString()).toBe(''));
  });

  it('offers the first page when a link points past the end', async () => {
    const api = apiWithClusters(lifecyclePage([], { totalItems: 2 }));
    await render(api, '/fleet/lifecycle?offset=500');
    expect(
      await screen.findByText('This page is past the last cluster.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'First page' }));
    await waitFor(() => expect(searchParams().get('offset')).toBeNull());
  });

  it('explains a missing permission', async () => {
    const api = mockFleetApi({
      listClusters: jest.fn().mockRejectedValue(await responseError(403)),
    });
    await render(api);
    expect(
      await screen.findAllByText(
        /You don't have permission to view fleet lifecycle data/,
      ),
    ).toHaveLength(2);
  });

  it('shows other errors, with a way out of the filters that caused them', async () => {
    const api = mockFleetApi({
      listClusters: jest.fn().mockRejectedValue(await responseError(500)),
    });
    await render(api, '/fleet/lifecycle?search=x');
    expect(await screen.findAllByText(/status 500/)).not.toHaveLength(0);
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(searchParams().toString()).toBe(''));
  });
});
