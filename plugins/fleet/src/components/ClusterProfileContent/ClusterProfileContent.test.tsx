import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  clusterEntity,
  mockFleetApi,
  responseError,
} from '../../__testUtils__/fleet';
import { renderForEntity } from '../../__testUtils__/render';
import { ClusterProfileContent } from './ClusterProfileContent';

const profile: Entity = {
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: { name: 'production', namespace: 'default' },
  spec: {
    type: 'production',
    version: '3.2.0',
    allowedVersions: ['3.1.0'],
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    summary: 'HA, GitOps-only, enforcing admission',
    kubernetes: {
      distribution: 'talos',
      version: '1.31.4',
      allowedRange: '>=1.30.0 <1.32.0',
    },
    components: [
      {
        name: 'cilium',
        role: 'cni',
        version: '1.16.5',
        chart: 'cilium/cilium',
      },
      {
        name: 'cert-manager',
        role: 'certificates',
        version: '1.16.2',
        chart: 'jetstack/cert-manager',
      },
    ],
    storageClasses: {
      default: 'fast-ssd',
      available: ['fast-ssd', 'standard-hdd'],
    },
    admission: { controller: 'kyverno', mode: 'enforce' },
    clickOps: { allowed: false },
    auditLogging: true,
    tenancy: {
      defaults: {
        quota: { 'requests.cpu': '2', pods: '50' },
        limits: { defaultRequest: { cpu: '100m' }, default: { cpu: '500m' } },
      },
      maximums: { quota: { 'requests.cpu': '16', pods: '500' } },
      allowedRoles: ['view', 'edit'],
      networkPolicy: {
        allowSameNamespace: true,
        allowDnsEgress: true,
        allowIngressFromNamespaces: ['ingress-system'],
      },
    },
    network: {
      podPools: ['10.64.0.0/10'],
      servicePools: ['10.128.0.0/12'],
      podPrefix: 16,
      servicePrefix: 20,
    },
    naming: {
      pattern: '^prd-[a-z]{2,4}[0-9]-[a-z][a-z0-9]{1,14}-[0-9]{2}$',
      example: 'prd-euw1-payments-01',
    },
    review: { intervalMonths: 12 },
    nodes: { controlPlane: { min: 3, max: 5 }, workers: { min: 3 } },
    provisioner: { type: 'cluster-api', clusterClass: 'talos-ha-v3' },
  },
  relations: [
    {
      type: 'fleet-portal.dev/builds',
      targetRef: 'resource:default/prd-euw1-payments-01',
    },
    {
      type: 'fleet-portal.dev/builds',
      targetRef: 'resource:default/prd-euw1-orders-01',
    },
    { type: 'ownedBy', targetRef: 'group:default/platform-team' },
  ],
};

const currentCluster: Entity = {
  ...clusterEntity,
  metadata: { name: 'prd-euw1-orders-01', namespace: 'default' },
  spec: {
    ...clusterEntity.spec,
    profileVersion: '3.2.0',
    owner: 'group:default/team-orders',
  },
};

function render(
  entity: Entity,
  catalogApi = catalogApiMock({ entities: [clusterEntity, currentCluster] }),
) {
  return renderForEntity(<ClusterProfileContent />, {
    entity,
    fleetApi: mockFleetApi(),
    apis: [[catalogApiRef, catalogApi]],
  });
}

describe('ClusterProfileContent', () => {
  it('shows the baseline rules of the profile', async () => {
    await render(profile);
    expect(screen.getByText('talos 1.31.4')).toBeInTheDocument();
    expect(screen.getByText('>=1.30.0 <1.32.0')).toBeInTheDocument();
    expect(
      screen.getByText('fast-ssd (default), standard-hdd'),
    ).toBeInTheDocument();
    expect(screen.getByText('kyverno, enforce mode')).toBeInTheDocument();
    expect(
      screen.getByText(/Not allowed: declarative changes/),
    ).toBeInTheDocument();
    expect(screen.getByText('Required')).toBeInTheDocument();
    expect(
      screen.getByText('^prd-[a-z]{2,4}[0-9]-[a-z][a-z0-9]{1,14}-[0-9]{2}$'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('prd-euw1-payments-01').length).toBeGreaterThan(
      0,
    );
    expect(screen.getByText('12 months')).toBeInTheDocument();
    expect(screen.getByText('cluster-api (talos-ha-v3)')).toBeInTheDocument();
    expect(screen.getByText('3–5')).toBeInTheDocument();
    expect(screen.getByText('at least 3')).toBeInTheDocument();
    expect(screen.getByText('10.64.0.0/10')).toBeInTheDocument();
    expect(screen.getByText('/16')).toBeInTheDocument();
  });

  it('shows the pinned components', async () => {
    await render(profile);
    expect(screen.getByText('Pinned components')).toBeInTheDocument();
    expect(screen.getByText('cilium/cilium')).toBeInTheDocument();
    expect(screen.getByText('1.16.5')).toBeInTheDocument();
    expect(screen.getByText('jetstack/cert-manager')).toBeInTheDocument();
  });

  it('shows tenancy defaults beside the maximums, roles and network policy allows', async () => {
    await render(profile);
    const quota = screen.getByRole('table', { name: 'Tenant quota' });
    expect(
      within(quota)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual(['ResourceDefaultMaximum', 'requests.cpu216', 'pods50500']);
    expect(
      screen.getByRole('table', { name: 'Tenant limits' }),
    ).toHaveTextContent('cpu100m500m');
    expect(screen.getByText('view, edit')).toBeInTheDocument();
    expect(screen.getByText('ingress-system')).toBeInTheDocument();
  });

  it('lists the clusters built from the profile and marks the ones behind', async () => {
    await render(profile);
    expect(
      await screen.findByText('2 clusters, 1 behind version 3.2.0'),
    ).toBeInTheDocument();
    const table = screen
      .getByText('Clusters built from this profile')
      .closest('.MuiPaper-root') as HTMLElement;
    const behindRow = within(table).getByText('3.1.0').closest('tr')!;
    expect(behindRow).toHaveTextContent('prd-euw1-payments-01');
    expect(behindRow).toHaveTextContent('Behind');
    const currentRow = within(table).getByText('3.2.0').closest('tr')!;
    expect(currentRow).toHaveTextContent('prd-euw1-orders-01');
    expect(currentRow).not.toHaveTextContent('Behind');
  });

  it('says when no cluster is built from the profile', async () => {
    await render({ ...profile, relations: [] });
    expect(
      await screen.findByText('No clusters are built from this profile yet'),
    ).toBeInTheDocument();
  });

  it('shows progress while the clusters load', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntitiesByRefs: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    await render(profile, catalogApi);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows an error when the catalog fails', async () => {
    const error = await responseError(500);
    const catalogApi = catalogApiMock.mock({
      getEntitiesByRefs: jest.fn().mockRejectedValue(error),
    });
    await render(profile, catalogApi);
    expect(await screen.findAllByText(/status 500/)).not.toHaveLength(0);
  });

  it('explains an entity that is not a profile', async () => {
    await render(clusterEntity);
    expect(screen.getByText('Not a cluster profile')).toBeInTheDocument();
  });
});
