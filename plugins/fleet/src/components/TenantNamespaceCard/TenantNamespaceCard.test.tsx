import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { mockFleetApi } from '../../__testUtils__/fleet';
import { renderForEntity } from '../../__testUtils__/render';
import { TenantNamespaceCard } from './TenantNamespaceCard';

const namespaceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'prd-euw1-payments-01.checkout',
    title: 'checkout on prd-euw1-payments-01',
  },
  spec: {
    type: 'kubernetes-namespace',
    owner: 'group:default/team-checkout',
    cluster: 'prd-euw1-payments-01',
    namespace: 'checkout',
    quota: { 'requests.cpu': '2', pods: '50' },
    limits: {
      defaultRequest: { cpu: '100m', memory: '128Mi' },
      default: { cpu: '500m', memory: '512Mi' },
    },
    roles: ['edit', 'view'],
    identityGroup: 'sso-team-checkout',
  },
};

const render = (entity: Entity) =>
  renderForEntity(<TenantNamespaceCard />, {
    entity,
    fleetApi: mockFleetApi(),
  });

describe('TenantNamespaceCard', () => {
  it('shows the team, cluster, namespace, quota, limits, roles and identity group', async () => {
    await render(namespaceEntity);
    expect(screen.getByRole('link', { name: /team-checkout/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-checkout',
    );
    expect(
      screen.getByRole('link', { name: /prd-euw1-payments-01/ }),
    ).toHaveAttribute('href', '/catalog/default/resource/prd-euw1-payments-01');
    expect(screen.getByText('checkout')).toBeInTheDocument();
    expect(screen.getByText('edit, view')).toBeInTheDocument();
    expect(screen.getByText('sso-team-checkout')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Quota' })).toHaveTextContent(
      'requests.cpu2',
    );
    expect(screen.getByRole('table', { name: 'Limits' })).toHaveTextContent(
      'cpu100m500m',
    );
  });

  it('links to the Day-2 templates with this namespace chosen', async () => {
    await render(namespaceEntity);
    const formData = (link: HTMLElement) =>
      JSON.parse(
        new URL(link.getAttribute('href')!, 'http://x').searchParams.get(
          'formData',
        )!,
      );
    const change = screen.getByRole('button', { name: 'Change' });
    expect(change.getAttribute('href')).toMatch(
      /^\/create\/templates\/default\/change-tenant-namespace\?formData=/,
    );
    expect(formData(change)).toEqual({
      namespace: 'resource:default/prd-euw1-payments-01.checkout',
    });
    const giveBack = screen.getByRole('button', { name: 'Give back' });
    expect(giveBack.getAttribute('href')).toMatch(
      /^\/create\/templates\/default\/decommission-tenant-namespace\?/,
    );
    expect(formData(giveBack)).toEqual({
      namespace: 'resource:default/prd-euw1-payments-01.checkout',
    });
  });

  it('notes when no quota or limits are recorded', async () => {
    const { quota, limits, ...spec } = namespaceEntity.spec!;
    await render({ ...namespaceEntity, spec });
    expect(screen.getByText(/tenancy defaults apply/)).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Quota' }),
    ).not.toBeInTheDocument();
  });

  it('explains an entity without the namespace fields', async () => {
    await render({
      ...namespaceEntity,
      spec: {
        type: 'kubernetes-namespace',
        owner: 'group:default/team-checkout',
      },
    });
    expect(screen.getByText('Not a tenant namespace')).toBeInTheDocument();
  });
});
