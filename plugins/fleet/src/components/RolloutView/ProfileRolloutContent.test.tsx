import { screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import { fleetRolloutPromotePermission } from '@fleet-portal/plugin-fleet-common';
import { mockFleetApi, responseError } from '../../__testUtils__/fleet';
import { renderForEntity } from '../../__testUtils__/render';
import {
  canaryGate,
  mockRolloutApi,
  rolloutView,
} from '../../__testUtils__/rollout';
import { rolloutApiRef, type RolloutApi } from '../../api/RolloutApi';
import { ProfileRolloutContent } from './ProfileRolloutContent';

const profile: Entity = {
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: { name: 'production', namespace: 'default' },
  spec: { type: 'production', version: '3.2.0' },
};

// usePermission caches answers across renders (SWR): each test sets its own answer here
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));
const usePermissionMock = usePermission as jest.MockedFunction<
  typeof usePermission
>;

function render(api: RolloutApi, options: { canPromote?: boolean } = {}) {
  usePermissionMock.mockReturnValue({
    loading: false,
    allowed: !!options.canPromote,
  });
  return renderForEntity(<ProfileRolloutContent />, {
    entity: profile,
    fleetApi: mockFleetApi(),
    apis: [[rolloutApiRef, api]],
  });
}

function askedForPromote() {
  expect(usePermissionMock).toHaveBeenCalledWith({
    permission: fleetRolloutPromotePermission,
  });
}

describe('ProfileRolloutContent', () => {
  it('shows each wave in order with its clusters, owners by title and the gate in words', async () => {
    const api = mockRolloutApi({
      getRollout: jest.fn().mockResolvedValue(rolloutView()),
    });
    await render(api);
    expect(api.getRollout).toHaveBeenCalledWith('production');
    const waves = screen.getAllByText(/^Wave \d: /).map(e => e.textContent);
    expect(waves).toEqual([
      'Wave 1: canary',
      'Wave 2: production-east',
      'Wave 3: production-west',
    ]);
    expect(screen.getByText('2 of 2 on 3.2.0 · Done')).toBeInTheDocument();
    expect(screen.getByText('0 of 2 on 3.2.0 · Next')).toBeInTheDocument();
    expect(
      screen.getByText('0 of 1 on 3.2.0 · Not reached yet'),
    ).toBeInTheDocument();

    const canary = screen.getByRole('table', {
      name: 'Clusters of wave canary',
    });
    expect(within(canary).getByText('Platform Team')).toBeInTheDocument();
    expect(within(canary).queryByText(/group:default/)).toBeNull();
    expect(within(canary).getAllByLabelText('on 3.2.0').length).toBe(2);
    expect(within(canary).getAllByText('healthy 6.4 d')).toHaveLength(2);

    // the deciding gate, in the summary and after its wave
    expect(
      screen.getAllByText(
        'canary: 2 of 2 on 3.2.0, healthy for 6 d of 5 d — open',
      ).length,
    ).toBeGreaterThanOrEqual(2);
    // the deciding gate's evidence once, in the summary; a gate closed by versions alone has none
    const evidence = screen.getAllByLabelText(/^Evidence of the /);
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toHaveAccessibleName('Evidence of the canary gate');
    expect(evidence[0]).toHaveTextContent(
      '6.4 d of 5 d (least: prd-aps1-search-01)',
    );
    expect(
      screen.getByText('production-east: 0 of 2 on 3.2.0 — closed'),
    ).toBeInTheDocument();
  });

  it('calls out clusters outside the versions the profile allows', async () => {
    const api = mockRolloutApi({
      getRollout: jest.fn().mockResolvedValue(rolloutView()),
    });
    await render(api);
    expect(
      screen.getByText(
        /1 cluster runs a version the profile no longer allows \(allowed: 3.2.0, 3.1.0\): prd-euw1-checkout-01/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Not allowed by the profile')).toBeInTheDocument();
  });

  it('offers "Promote <wave>" to a user allowed fleet.rollout.promote, opening the template prefilled', async () => {
    const api = mockRolloutApi({
      getRollout: jest.fn().mockResolvedValue(rolloutView()),
    });
    await render(api, { canPromote: true });
    const label = await screen.findByText('Promote production-east');
    askedForPromote();
    const href = label.closest('a')!.getAttribute('href')!;
    const url = new URL(href, 'http://localhost');
    expect(url.pathname).toBe('/create/templates/default/promote-rollout');
    expect(JSON.parse(url.searchParams.get('formData')!)).toEqual({
      profile: 'clusterprofile:default/production',
      wave: 'production-east',
    });
  });

  it('keeps the button disabled while the gate is closed', async () => {
    const closed = canaryGate({
      verdict: 'closed',
      reason: 'canary: 2 of 2 on 3.2.0, healthy for 2 d of 5 d — closed',
    });
    const api = mockRolloutApi({
      getRollout: jest
        .fn()
        .mockResolvedValue(rolloutView({ gate: closed, promotable: false })),
    });
    await render(api, { canPromote: true });
    const label = await screen.findByText('Promote production-east');
    expect(label.closest('button')).toBeDisabled();
    expect(label.closest('a')).toBeNull();
    expect(
      screen.getByText(
        'canary: 2 of 2 on 3.2.0, healthy for 2 d of 5 d — closed',
      ),
    ).toBeInTheDocument();
  });

  it('does not offer the button to a user without fleet.rollout.promote', async () => {
    const api = mockRolloutApi({
      getRollout: jest.fn().mockResolvedValue(rolloutView()),
    });
    await render(api, { canPromote: false });
    await screen.findByText('Wave 1: canary');
    askedForPromote();
    expect(screen.queryByText(/Promote/)).toBeNull();
  });

  it('says when no version is in rollout', async () => {
    const done = rolloutView();
    const api = mockRolloutApi({
      getRollout: jest.fn().mockResolvedValue({
        ...done,
        nextWave: undefined,
        gate: undefined,
        promotable: false,
      }),
    });
    await render(api);
    expect(screen.getByText('No version in rollout')).toBeInTheDocument();
    expect(
      screen.getByText(/Every cluster of Production runs 3.2.0/),
    ).toBeInTheDocument();
  });

  it('shows a progress bar while loading', async () => {
    const api = mockRolloutApi({
      getRollout: jest.fn().mockReturnValue(new Promise(() => {})),
    });
    await render(api);
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('names the permission instead of an error when the backend refuses', async () => {
    const api = mockRolloutApi({
      getRollout: jest.fn().mockRejectedValue(await responseError(403)),
    });
    await render(api);
    expect(
      screen.getByText(/You don't have permission to view rollouts/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Ask the platform team for the fleet.health.read permission.',
      ),
    ).toBeInTheDocument();
  });
});
