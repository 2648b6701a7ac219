import { screen } from '@testing-library/react';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  budgetFleet,
  budgetNamespace,
  budgetPresentationApi,
  budgetProfile,
} from '../../__testUtils__/budget';
import {
  clusterLifecycle,
  mockFleetApi,
  responseError,
} from '../../__testUtils__/fleet';
import { renderForEntity } from '../../__testUtils__/render';
import { NamespaceBudgetCard } from './NamespaceBudgetCard';

const checkout = budgetNamespace('checkout', 'group:default/team-checkout', {
  'requests.cpu': '4',
});

function render(
  entities: Entity[],
  getCluster: () => Promise<unknown> = () =>
    Promise.resolve(clusterLifecycle({ governed: true })),
) {
  return renderForEntity(<NamespaceBudgetCard />, {
    entity: checkout,
    fleetApi: mockFleetApi({ getCluster: jest.fn(getCluster) as any }),
    apis: [
      [catalogApiRef, catalogApiMock({ entities })],
      [entityPresentationApiRef, budgetPresentationApi],
    ],
  });
}

describe('NamespaceBudgetCard', () => {
  it("shows the team's usage on the cluster against the budget, by the group's title, counting only platform-repository namespaces", async () => {
    await render(budgetFleet());
    expect(
      await screen.findByText(
        'Checkout on stg-euw1-checkout-01: 2 of 3 namespaces, 6 of 8 CPU requested',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: '6 of 8 CPU requested' }),
    ).toHaveAttribute('aria-valuenow', '75');
  });

  it('says when the profile sets no budget', async () => {
    const { teamBudget, ...tenancy } = (budgetProfile.spec as any).tenancy;
    const profile = {
      ...budgetProfile,
      spec: { ...budgetProfile.spec, tenancy },
    };
    await render([profile, ...budgetFleet().slice(1)]);
    expect(
      await screen.findByText(/No budget set by the profile Non-production/),
    ).toBeInTheDocument();
  });

  it('applies no budget on a cluster the fleet backend does not count as governed', async () => {
    await render(budgetFleet(), () =>
      Promise.resolve(clusterLifecycle({ governed: false })),
    );
    expect(
      await screen.findByText(
        'stg-euw1-checkout-01 is not governed, so no team budget applies.',
      ),
    ).toBeInTheDocument();
  });

  it('says so when the fleet backend does not list the cluster yet', async () => {
    await render(budgetFleet(), () =>
      responseError(404).then(e => Promise.reject(e)),
    );
    expect(
      await screen.findByText(
        /do not list stg-euw1-checkout-01 yet, so its team budget cannot be counted/,
      ),
    ).toBeInTheDocument();
  });

  it('shows an error it cannot load the budget', async () => {
    await render(budgetFleet(), () =>
      responseError(500).then(e => Promise.reject(e)),
    );
    expect(
      await screen.findByText(/Cannot load the team budget/),
    ).toBeInTheDocument();
  });
});
