import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { mockFleetApi, responseError } from '../../__testUtils__/fleet';
import {
  clusterHealthDetail,
  criticalCertificateDetail,
  mockFleetHealthApi,
  sourceDownDetail,
} from '../../__testUtils__/health';
import { renderForEntity } from '../../__testUtils__/render';
import {
  fleetHealthApiRef,
  type FleetHealthApi,
} from '../../api/FleetHealthApi';
import { NamespaceHealthCard } from './NamespaceHealthCard';

const namespaceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prd-euw1-payments-01.checkout' },
  spec: {
    type: 'kubernetes-namespace',
    owner: 'group:default/team-checkout',
    cluster: 'prd-euw1-payments-01',
    namespace: 'checkout',
  },
};

const render = (healthApi: FleetHealthApi, entity = namespaceEntity) =>
  renderForEntity(<NamespaceHealthCard />, {
    entity,
    fleetApi: mockFleetApi(),
    apis: [[fleetHealthApiRef, healthApi]],
  });

describe('NamespaceHealthCard', () => {
  it("shows the cluster's status and worst signal and links to its tab", async () => {
    const healthApi = mockFleetHealthApi({
      getClusterHealth: jest
        .fn()
        .mockResolvedValue(criticalCertificateDetail()),
    });
    await render(healthApi);
    expect(healthApi.getClusterHealth).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'prd-euw1-payments-01',
    });
    expect(
      screen.getByText('Critical').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'critical');
    expect(
      screen.getByText('Worst signal: Certificate expiry — 5 days'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All signals of the cluster' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/prd-euw1-payments-01/health',
    );
  });

  it('says every signal is ok', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockResolvedValue(clusterHealthDetail()),
      }),
    );
    expect(screen.getByText('Every signal is ok.')).toBeInTheDocument();
  });

  it('names the unavailable source instead of a verdict', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockResolvedValue(sourceDownDetail()),
      }),
    );
    expect(
      screen.getByText(
        'Metrics source prometheus-demo is unavailable: connect ECONNREFUSED 127.0.0.1:9090',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Unknown').closest('[data-status]'),
    ).toHaveAttribute('data-status', 'unknown');
    expect(screen.queryByText('OK')).not.toBeInTheDocument();
  });

  it('explains a 403', async () => {
    await render(
      mockFleetHealthApi({
        getClusterHealth: jest.fn().mockRejectedValue(await responseError(403)),
      }),
    );
    expect(
      await screen.findByText('Warning: You may not see fleet health'),
    ).toBeInTheDocument();
  });

  it('says when the namespace names no cluster', async () => {
    const healthApi = mockFleetHealthApi();
    await render(healthApi, {
      ...namespaceEntity,
      spec: { type: 'kubernetes-namespace' },
    });
    expect(screen.getByText('No cluster recorded')).toBeInTheDocument();
    expect(healthApi.getClusterHealth).not.toHaveBeenCalled();
  });
});
