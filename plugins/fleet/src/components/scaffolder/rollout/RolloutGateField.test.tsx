import { screen, waitFor } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  canaryGate,
  mockRolloutApi,
  rolloutView,
} from '../../../__testUtils__/rollout';
import { rolloutApiRef, type RolloutApi } from '../../../api/RolloutApi';
import { RolloutGateField } from './RolloutGateField';

function fieldProps(profile?: string) {
  return {
    onChange: jest.fn(),
    schema: { title: 'Wave to promote' },
    uiSchema: { 'ui:options': { profileField: 'profile' } },
    idSchema: { $id: 'root_wave' },
    rawErrors: [],
    formContext: { formData: { profile } },
  } as any;
}

function render(api: RolloutApi, props: any) {
  return renderInTestApp(
    <TestApiProvider apis={[[rolloutApiRef, api]]}>
      <RolloutGateField {...props} />
    </TestApiProvider>,
  );
}

describe('RolloutGateField', () => {
  it('takes the next wave when its gate is open, naming its clusters and the gate', async () => {
    const api = mockRolloutApi({
      getRollout: jest.fn().mockResolvedValue(rolloutView()),
    });
    const props = fieldProps('clusterprofile:default/production');
    await render(api, props);
    expect(api.getRollout).toHaveBeenCalledWith('production');
    expect(
      await screen.findByTestId('fleet-rollout-next-wave'),
    ).toHaveTextContent(
      'production-east to 3.2.0: 2 clusters (prd-use1-payments-01 title, prd-use1-data-01 title)',
    );
    expect(
      screen.getByText(
        'canary: 2 of 2 on 3.2.0, healthy for 6 d of 5 d — open',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(props.onChange).toHaveBeenLastCalledWith('production-east'),
    );
  });

  it("hands on no wave while the gate is closed, and says why in the gate's words", async () => {
    const closed = canaryGate({
      verdict: 'closed',
      reason: 'canary: 2 of 2 on 3.2.0, healthy for 2 d of 5 d — closed',
    });
    const api = mockRolloutApi({
      getRollout: jest
        .fn()
        .mockResolvedValue(rolloutView({ gate: closed, promotable: false })),
    });
    const props = fieldProps('clusterprofile:default/production');
    props.formData = 'production-east';
    await render(api, props);
    expect(
      await screen.findByText(
        'production-east cannot be promoted now: canary: 2 of 2 on 3.2.0, healthy for 2 d of 5 d — closed',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(props.onChange).toHaveBeenLastCalledWith(''));
  });

  it('asks for a profile first', async () => {
    const api = mockRolloutApi();
    await render(api, fieldProps(undefined));
    expect(
      screen.getByText('Choose a cluster profile first'),
    ).toBeInTheDocument();
    expect(api.getRollout).not.toHaveBeenCalled();
  });
});
