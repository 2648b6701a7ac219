import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { responseError } from '../../__testUtils__/fleet';
import { testRoutes } from '../../__testUtils__/render';
import { mockRolloutApi, rolloutList } from '../../__testUtils__/rollout';
import { rolloutApiRef, type RolloutApi } from '../../api/RolloutApi';
import { FleetRolloutsPage } from './FleetRolloutsPage';

function render(api: RolloutApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[rolloutApiRef, api]]}>
      <FleetRolloutsPage />
    </TestApiProvider>,
    testRoutes,
  );
}

describe('FleetRolloutsPage', () => {
  it('lists the profiles in rollout with their progress per wave, linked to their rollout tab', async () => {
    const api = mockRolloutApi({
      listRollouts: jest.fn().mockResolvedValue(rolloutList()),
    });
    await render(api);
    const table = screen.getByRole('table', { name: 'Rollouts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(
      within(row).getByRole('link', { name: 'Production' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/clusterprofile/production/rollout',
    );
    expect(within(row).getByText('3 of 6 clusters')).toBeInTheDocument();
    expect(within(row).getByText('✓ canary 2/2')).toBeInTheDocument();
    expect(within(row).getByText('production-east 0/2')).toBeInTheDocument();
    expect(within(row).getAllByText('production-east')).toHaveLength(1);
    // profiles whose clusters all run their version are named, not listed
    expect(screen.getByText('Rolled out: Edge 1.3.0')).toBeInTheDocument();
  });

  it('says when no version is in rollout', async () => {
    const list = rolloutList();
    const api = mockRolloutApi({
      listRollouts: jest
        .fn()
        .mockResolvedValue({ ...list, items: [list.items[1]] }),
    });
    await render(api);
    expect(screen.getByText('No version in rollout')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Rollouts' })).toBeNull();
  });

  it('names the permission when the backend refuses', async () => {
    const api = mockRolloutApi({
      listRollouts: jest.fn().mockRejectedValue(await responseError(403)),
    });
    await render(api);
    expect(
      screen.getByText(/You don't have permission to view rollouts/),
    ).toBeInTheDocument();
  });
});
