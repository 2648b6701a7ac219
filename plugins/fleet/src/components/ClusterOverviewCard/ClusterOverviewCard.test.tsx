import { screen } from '@testing-library/react';
import {
  clusterEntity,
  clusterLifecycle,
  mockFleetApi,
  responseError,
  ungovernedClusterEntity,
} from '../../__testUtils__/fleet';
import { renderForEntity } from '../../__testUtils__/render';
import { ClusterOverviewCard } from './ClusterOverviewCard';

describe('ClusterOverviewCard', () => {
  it('shows the recorded facts, the status and marks a profile version behind', async () => {
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockResolvedValue(clusterLifecycle()),
    });
    await renderForEntity(<ClusterOverviewCard />, {
      entity: clusterEntity,
      fleetApi,
    });

    expect(fleetApi.getCluster).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'prd-euw1-payments-01',
    });
    expect(await screen.findByText('Review overdue')).toBeInTheDocument();
    expect(screen.getByText('12 days overdue')).toBeInTheDocument();
    expect(
      screen.getByText('Runs the payments services for EU customers'),
    ).toBeInTheDocument();
    expect(screen.getByText('eu-west-1 / fra-dc2')).toBeInTheDocument();
    expect(screen.getByText('10.64.0.0/16')).toBeInTheDocument();
    expect(screen.getByText('10.96.0.0/20')).toBeInTheDocument();
    expect(screen.getByText('2027-03-01')).toBeInTheDocument();
    expect(screen.getByText('Behind: current is 3.2.0')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /production/ })).toHaveAttribute(
      'href',
      '/catalog/default/clusterprofile/production',
    );
    expect(screen.getByRole('link', { name: /team-payments/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-payments',
    );
  });

  it('shows findings with their severity and the related entity', async () => {
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockResolvedValue(
        clusterLifecycle({
          findings: [
            {
              code: 'cidr-overlap',
              severity: 'critical',
              message: 'Pod CIDR 10.64.0.0/16 overlaps prd-euw1-orders-01',
              relatedEntityRef: 'resource:default/prd-euw1-orders-01',
            },
            {
              code: 'profile-version-behind',
              severity: 'warning',
              message:
                'Built from production 3.1.0; the current version is 3.2.0',
            },
          ],
        }),
      ),
    });
    await renderForEntity(<ClusterOverviewCard />, {
      entity: clusterEntity,
      fleetApi,
    });

    const findings = await screen.findByRole('list', { name: 'Findings' });
    expect(findings).toHaveTextContent(
      'Pod CIDR 10.64.0.0/16 overlaps prd-euw1-orders-01',
    );
    expect(screen.getByTitle('Severity: critical')).toBeInTheDocument();
    expect(screen.getByTitle('Severity: warning')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /prd-euw1-orders-01/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/prd-euw1-orders-01');
  });

  it('does not mark the version when it is current', async () => {
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockResolvedValue(
        clusterLifecycle({
          profileVersion: '3.2.0',
          status: 'ok',
          daysLeft: 200,
        }),
      ),
    });
    await renderForEntity(<ClusterOverviewCard />, {
      entity: {
        ...clusterEntity,
        spec: { ...clusterEntity.spec, profileVersion: '3.2.0' },
      },
      fleetApi,
    });
    expect(await screen.findByText('OK')).toBeInTheDocument();
    expect(screen.queryByText(/Behind/)).not.toBeInTheDocument();
    expect(screen.getByText(/No findings/)).toBeInTheDocument();
  });

  it('shows progress while the lifecycle loads, and no status yet', async () => {
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    await renderForEntity(<ClusterOverviewCard />, {
      entity: clusterEntity,
      fleetApi,
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText('Status')).not.toBeInTheDocument();
  });

  it('says so when the user lacks permission', async () => {
    const error = await responseError(403);
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockRejectedValue(error),
    });
    await renderForEntity(<ClusterOverviewCard />, {
      entity: clusterEntity,
      fleetApi,
    });
    expect(
      await screen.findByText(
        /You don't have permission to view fleet lifecycle data/,
      ),
    ).toBeInTheDocument();
  });

  it('shows other errors', async () => {
    const error = await responseError(500);
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockRejectedValue(error),
    });
    await renderForEntity(<ClusterOverviewCard />, {
      entity: clusterEntity,
      fleetApi,
    });
    expect(await screen.findAllByText(/status 500/)).not.toHaveLength(0);
  });

  it('explains a cluster the fleet backend does not know', async () => {
    const error = await responseError(404);
    const fleetApi = mockFleetApi({
      getCluster: jest.fn().mockRejectedValue(error),
    });
    await renderForEntity(<ClusterOverviewCard />, {
      entity: clusterEntity,
      fleetApi,
    });
    expect(await screen.findByText(/no lifecycle record/)).toBeInTheDocument();
    expect(screen.getByText('10.64.0.0/16')).toBeInTheDocument();
  });

  it('says "not governed" for a cluster without fleet fields', async () => {
    const fleetApi = mockFleetApi();
    await renderForEntity(<ClusterOverviewCard />, {
      entity: ungovernedClusterEntity,
      fleetApi,
    });
    expect(screen.getByText('Not governed')).toBeInTheDocument();
    expect(fleetApi.getCluster).not.toHaveBeenCalled();
  });
});
