import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { fleetApiRef } from '../../api/FleetApi';
import {
  budgetCluster,
  budgetFleet,
  budgetNamespace,
  budgetPresentationApi,
} from '../../__testUtils__/budget';
import { clusterLifecycle, mockFleetApi } from '../../__testUtils__/fleet';
import { MyTeamBudgets } from './MyTeamBudgets';

describe('MyTeamBudgets', () => {
  it("shows each of my teams' usage per cluster, and names the clusters without a budget", async () => {
    const other = budgetCluster('stg-euw1-other-01');
    (other.spec as any).profile = 'no-budget';
    const mine = [
      budgetNamespace('checkout', 'group:default/team-checkout', {}),
      budgetNamespace('payments-sandbox', 'group:default/team-payments', {}),
      budgetNamespace(
        'tools',
        'group:default/team-checkout',
        {},
        {
          cluster: 'stg-euw1-other-01',
        },
      ),
    ];
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            catalogApiRef,
            catalogApiMock({ entities: [...budgetFleet(), other] }),
          ],
          [
            fleetApiRef,
            mockFleetApi({
              getCluster: jest.fn().mockResolvedValue(clusterLifecycle()),
            }),
          ],
          [entityPresentationApiRef, budgetPresentationApi],
        ]}
      >
        <MyTeamBudgets namespaces={mine} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        'Checkout on stg-euw1-checkout-01: 2 of 3 namespaces, 6 of 8 CPU requested',
      ),
    ).toBeInTheDocument();
    // a group not in the catalog keeps its name
    expect(
      screen.getByText(
        'team-payments on stg-euw1-checkout-01: 1 of 3 namespaces, 2 of 8 CPU requested',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No budget set by the profile on stg-euw1-other-01.'),
    ).toBeInTheDocument();
  });

  it('shows nothing without namespaces', async () => {
    const { container } = await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApiMock()],
          [fleetApiRef, mockFleetApi()],
        ]}
      >
        <MyTeamBudgets namespaces={[]} />
      </TestApiProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
