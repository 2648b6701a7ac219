import { screen, within } from '@testing-library/react';
import {
  clusterEntity,
  mockFleetApi,
  responseError,
} from '../../__testUtils__/fleet';
import {
  clusterHealthDetail,
  criticalCertificateDetail,
  mockFleetHealthApi,
  sourceDownDetail,
  verdict,
} from '../../__testUtils__/health';
import { renderForEntity } from '../../__testUtils__/render';
import {
  fleetHealthApiRef,
  type FleetHealthApi,
} from '../../api/FleetHealthApi';
import { ClusterHealthContent } from './ClusterHealthContent';

const render = (healthApi: FleetHealthApi) =>
  renderForEntity(<ClusterHealthContent />, {
    entity: clusterEntity,
    fleetApi: mockFleetApi(),
    apis: [[fleetHealthApiRef, healthApi]],
  });

const row = (signal: string) =>
  screen
    .getAllByRole('row')
    .find(r => r.getAttribute('data-signal') === signal)!;

describe('ClusterHealthContent', () => {
  it('lists a signal that does not apply last, as not applicable, without thresholds or history', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockResolvedValue(
          clusterHealthDetail({
            signals: [
              verdict('nodes-not-ready', {
                status: 'not-applicable',
                value: undefined,
                reason:
                  'Not applicable: its profile clusterprofile:default/edge runs calico as its cni, not cilium',
              }),
              verdict('apiserver-availability'),
              verdict('certificate-expiry'),
            ],
          }),
        ),
      }),
    );
    await screen.findByRole('table', { name: 'Signals' });
    const rows = screen
      .getAllByRole('row')
      .filter(r => r.hasAttribute('data-signal'));
    expect(rows.map(r => r.getAttribute('data-signal'))).toEqual([
      'apiserver-availability',
      'certificate-expiry',
      'nodes-not-ready',
    ]);
    const notApplicable = within(row('nodes-not-ready'));
    expect(
      notApplicable.getByText('Not applicable').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'not-applicable');
    expect(notApplicable.queryByText(/warning/)).not.toBeInTheDocument();
    expect(notApplicable.queryByText('no history')).not.toBeInTheDocument();
    expect(
      notApplicable.getByText(/runs calico as its cni, not cilium/),
    ).toBeInTheDocument();
  });

  it('asks for the entity by namespace and name', async () => {
    const healthApi = mockFleetHealthApi({
      getClusterHealth: jest.fn().mockResolvedValue(clusterHealthDetail()),
    });
    await render(healthApi);
    expect(healthApi.getClusterHealth).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'prd-euw1-payments-01',
    });
  });

  it('shows every signal ok with value, threshold, sparkline, sample time and source', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockResolvedValue(clusterHealthDetail()),
      }),
    );
    expect(
      await screen.findByRole('table', { name: 'Signals' }),
    ).toBeInTheDocument();
    const apiserver = within(row('apiserver-availability'));
    expect(apiserver.getByText('API server availability')).toBeInTheDocument();
    expect(apiserver.getByText('OK').closest('[data-status]')).toHaveAttribute(
      'data-status',
      'ok',
    );
    expect(apiserver.getByText('99.95 %')).toBeInTheDocument();
    expect(
      apiserver.getByRole('img', {
        name: /API server availability: history of 3 samples/,
      }),
    ).toBeInTheDocument();
    expect(apiserver.getByText('prometheus-demo')).toBeInTheDocument();
    expect(screen.getByText(/100 % of 120 series carry/)).toBeInTheDocument();
    expect(screen.queryByText(/unavailable/)).not.toBeInTheDocument();
  });

  it('shows the certificate expiring in 5 days as critical, with the crossed threshold', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest
          .fn()
          .mockResolvedValue(criticalCertificateDetail()),
      }),
    );
    const certificate = within(
      await screen
        .findByText('Certificate expiry')
        .then(() => row('certificate-expiry')),
    );
    expect(
      certificate.getByText('Critical').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'critical');
    expect(certificate.getByText('5 days')).toBeInTheDocument();
    expect(certificate.getByText('critical ≤ 7 days')).toBeInTheDocument();
    expect(certificate.getByText(/expires in 5 days/)).toBeInTheDocument();
    // worst first
    expect(screen.getAllByRole('row')[1]).toBe(row('certificate-expiry'));
    expect(
      screen.getByText(/decided by Certificate expiry \(5 days\)/),
    ).toBeInTheDocument();
    expect(within(row('nodes-not-ready')).getByText('OK')).toBeInTheDocument();
  });

  it('shows an unknown verdict with its reason and no invented value', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockResolvedValue(
          clusterHealthDetail({
            status: 'unknown',
            worstSignal: 'nodes-not-ready',
            signals: [
              verdict('apiserver-availability'),
              verdict('certificate-expiry'),
              verdict('nodes-not-ready', {
                status: 'unknown',
                value: undefined,
                sampleTime: '2026-05-01T08:00:00.000Z',
                reason: 'Newest sample is 2 h old (stale after 10 min)',
              }),
            ],
          }),
        ),
      }),
    );
    const nodes = within(
      await screen
        .findByText('Nodes not ready')
        .then(() => row('nodes-not-ready')),
    );
    expect(nodes.getByText('Unknown').closest('[data-status]')).toHaveAttribute(
      'data-status',
      'unknown',
    );
    expect(nodes.getByText('—')).toBeInTheDocument();
    expect(nodes.getByText(/2 h old/)).toBeInTheDocument();
  });

  it('says the metrics source is unavailable, never ok', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockResolvedValue(sourceDownDetail()),
      }),
    );
    expect(
      await screen.findByText(
        'Error: Metrics source prometheus-demo is unavailable: connect ECONNREFUSED 127.0.0.1:9090',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('OK')).not.toBeInTheDocument();
    expect(screen.getAllByText('no history')).toHaveLength(3);
    // no "no drift" claim from a store that could not be read
    expect(screen.queryByText(/No version drift/)).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Version drift: unknown while metrics source prometheus-demo is unavailable.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/has no series for cluster/),
    ).not.toBeInTheDocument();
  });

  it('says when the cluster reports nothing while the source is up', async () => {
    const detail = sourceDownDetail();
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockResolvedValue({
          ...detail,
          sources: [{ ...detail.sources[0], status: 'up', message: undefined }],
        }),
      }),
    );
    expect(
      await screen.findByText(
        'Info: The metrics store has no series for cluster "prd-euw1-payments-01"',
      ),
    ).toBeInTheDocument();
  });

  it('says when no signal is configured', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest
          .fn()
          .mockResolvedValue(
            clusterHealthDetail({ signals: [], signalDefinitions: [] }),
          ),
      }),
    );
    expect(
      await screen.findByText('No health signals configured'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockReturnValue(new Promise(() => {})),
      }),
    );
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('explains a 403 as a missing permission', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockRejectedValue(await responseError(403)),
      }),
    );
    expect(
      await screen.findByText('Warning: You may not see fleet health'),
    ).toBeInTheDocument();
  });

  it('shows other errors as a response error', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockRejectedValue(await responseError(500)),
      }),
    );
    expect(
      await screen.findByText(/Could not load fleet health/),
    ).toBeInTheDocument();
  });
});
