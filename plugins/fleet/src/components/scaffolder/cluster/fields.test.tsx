import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { fleetApiRef } from '../../../api/FleetApi';
import { mockFleetApi } from '../../../__testUtils__/fleet';
import { CidrPreviewField } from './CidrPreviewField';
import { ClusterNameBuilder } from './ClusterNameBuilder';
import { ClusterProfilePicker } from './ClusterProfilePicker';
import { NodeCountField } from './NodeCountField';
import { ProfileChoiceField } from './ProfileChoiceField';
import { clusterFieldValidation } from './validation';

const edge: Entity = {
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: { name: 'edge', namespace: 'default', title: 'Edge' },
  spec: {
    type: 'edge',
    version: '1.3.0',
    allowedVersions: ['1.2.0'],
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    summary: 'Single-node k3s',
    kubernetes: { distribution: 'k3s', version: '1.31.4' },
    components: [],
    naming: {
      pattern: '^edg-[a-z]{3}[0-9]{2}-[a-z][a-z0-9]{1,14}-[0-9]{2}$',
      example: 'edg-ber01-store-01',
    },
    provisioner: { type: 'cluster-api', clusterClass: 'k3s-edge-single-v1' },
  },
};
const regional: Entity = {
  ...edge,
  metadata: { name: 'regional', namespace: 'default' },
  spec: {
    ...edge.spec,
    type: 'production',
    nodes: { controlPlane: { min: 3, max: 5 }, workers: { min: 3, max: 100 } },
    review: { intervalMonths: 6 },
  },
};
const existing: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'edg-ber01-store-01', namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/team-checkout' },
};

function fieldProps(overrides: Record<string, unknown>) {
  return {
    onChange: jest.fn(),
    schema: {},
    uiSchema: {},
    idSchema: { $id: 'root_field' },
    rawErrors: [],
    formContext: { formData: { profile: 'clusterprofile:default/edge' } },
    ...overrides,
  } as any;
}

function renderField(element: JSX.Element, fleetApi = mockFleetApi()) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          catalogApiRef,
          catalogApiMock({ entities: [edge, regional, existing] }),
        ],
        [fleetApiRef, fleetApi],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
}

describe('new-cluster form fields', () => {
  it('the profile picker shows type, version and summary and returns the entity ref', async () => {
    const props = fieldProps({ formData: undefined });
    await renderField(<ClusterProfilePicker {...props} />);
    await userEvent.click(screen.getByRole('button'));
    const option = await screen.findByRole('option', {
      name: /Edge — edge · version 1\.3\.0 \(also 1\.2\.0\) · cluster-api/,
    });
    expect(option).toHaveTextContent('Single-node k3s');
    await userEvent.click(option);
    expect(props.onChange).toHaveBeenCalledWith('clusterprofile:default/edge');
  });

  it('the name builder composes the name and checks it live against the pattern and the catalog', async () => {
    const props = fieldProps({ formData: undefined });
    await renderField(<ClusterNameBuilder {...props} />);
    await screen.findByText(/Tier, location, purpose and number/);
    await userEvent.type(screen.getByLabelText('Location'), 'Berlin');
    await userEvent.type(screen.getByLabelText('Purpose'), 'store');
    await userEvent.type(screen.getByLabelText('Number'), '01');
    expect(
      await screen.findByText(
        '"edg-berlin-store-01" does not follow the naming convention of profile edge (e.g. edg-ber01-store-01)',
      ),
    ).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Location'));
    await userEvent.type(screen.getByLabelText('Location'), 'ber01');
    expect(
      await screen.findByText(/edg-ber01-store-01 is already in the catalog/),
    ).toBeInTheDocument();

    await userEvent.clear(screen.getByLabelText('Location'));
    await userEvent.type(screen.getByLabelText('Location'), 'ber03');
    expect(
      await screen.findByText(
        'edg-ber03-store-01 follows the naming pattern of edge',
      ),
    ).toBeInTheDocument();
    expect(props.onChange).toHaveBeenLastCalledWith('edg-ber03-store-01');
  });

  it("the name builder never shows the previous name's lookup against a new name", async () => {
    const catalogApi = catalogApiMock({ entities: [edge, existing] });
    const getEntityByRef = catalogApi.getEntityByRef.bind(catalogApi);
    // The lookup of any other cluster name never answers: only a stale answer could say "taken".
    jest
      .spyOn(catalogApi, 'getEntityByRef')
      .mockImplementation(ref =>
        String(ref).startsWith('resource:default/edg-') &&
        !String(ref).endsWith('/edg-ber01-store-01')
          ? new Promise(() => {})
          : getEntityByRef(ref),
      );
    const props = fieldProps({ formData: undefined });
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApi],
          [fleetApiRef, mockFleetApi()],
        ]}
      >
        <ClusterNameBuilder {...props} />
      </TestApiProvider>,
    );
    await screen.findByText(/Tier, location, purpose and number/);
    await userEvent.type(screen.getByLabelText('Location'), 'ber01');
    await userEvent.type(screen.getByLabelText('Purpose'), 'store');
    await userEvent.type(screen.getByLabelText('Number'), '01');
    await screen.findByText(/edg-ber01-store-01 is already in the catalog/);

    await userEvent.clear(screen.getByLabelText('Location'));
    await userEvent.type(screen.getByLabelText('Location'), 'ber03');
    await waitFor(() =>
      expect(catalogApi.getEntityByRef).toHaveBeenCalledWith(
        'resource:default/edg-ber03-store-01',
      ),
    );
    expect(screen.queryByText(/is already in the catalog/)).toBeNull();
  });

  it('the CIDR preview shows the blocks and hands them on', async () => {
    const fleetApi = mockFleetApi({
      previewCidrs: jest.fn().mockResolvedValue({
        profileRef: 'clusterprofile:default/edge',
        pod: {
          ok: true,
          role: 'pod',
          cidr: '172.16.12.0/22',
          pool: '172.16.0.0/13',
          source: 'allocated',
        },
        service: {
          ok: true,
          role: 'service',
          cidr: '172.24.3.0/24',
          pool: '172.24.0.0/16',
          source: 'allocated',
        },
      }),
    });
    const props = fieldProps({
      formContext: {
        formData: {
          profile: 'clusterprofile:default/edge',
          name: 'edg-ber03-store-01',
        },
      },
    });
    await renderField(<CidrPreviewField {...props} />, fleetApi);
    expect(await screen.findByTestId('fleet-cidr-pod')).toHaveTextContent(
      '172.16.12.0/22',
    );
    expect(fleetApi.previewCidrs).toHaveBeenCalledWith({
      profileRef: 'clusterprofile:default/edge',
      cluster: 'edg-ber03-store-01',
    });
    await waitFor(() =>
      expect(props.onChange).toHaveBeenLastCalledWith({
        podCidr: '172.16.12.0/22',
        serviceCidr: '172.24.3.0/24',
      }),
    );
  });

  it('the CIDR preview names an exhausted pool and hands nothing on', async () => {
    const fleetApi = mockFleetApi({
      previewCidrs: jest.fn().mockResolvedValue({
        profileRef: 'clusterprofile:default/edge',
        pod: {
          ok: false,
          role: 'pod',
          reason:
            'podCidr: pool 172.16.0.0/13 of profile edge has no free /22 left',
        },
        service: {
          ok: true,
          role: 'service',
          cidr: '172.24.3.0/24',
          pool: '172.24.0.0/16',
          source: 'allocated',
        },
      }),
    });
    const props = fieldProps({
      formContext: {
        formData: {
          profile: 'clusterprofile:default/edge',
          name: 'edg-ber03-store-01',
        },
      },
    });
    await renderField(<CidrPreviewField {...props} />, fleetApi);
    expect(
      await screen.findByText(
        'podCidr: pool 172.16.0.0/13 of profile edge has no free /22 left',
      ),
    ).toBeInTheDocument();
    expect(props.onChange).not.toHaveBeenCalledWith(
      expect.objectContaining({ podCidr: expect.anything() }),
    );
  });

  it('the name builder judges nothing before every part is filled in, and hands on no half name', async () => {
    const props = fieldProps({ formData: undefined });
    await renderField(<ClusterNameBuilder {...props} />);
    expect(
      await screen.findByText(/the name is checked once it is complete/),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Location'), 'ber03');
    expect(screen.queryByText(/naming convention/)).toBeNull();
    expect(screen.queryByText(/must be lowercase/)).toBeNull();
    expect(props.onChange).not.toHaveBeenCalledWith(
      expect.stringContaining('edg-'),
    );
  });

  it('the CIDR preview waits for a complete name', async () => {
    const fleetApi = mockFleetApi({ previewCidrs: jest.fn() });
    await renderField(<CidrPreviewField {...fieldProps({})} />, fleetApi);
    expect(
      await screen.findByText(
        'The CIDRs are previewed once the cluster name is complete',
      ),
    ).toBeInTheDocument();
    expect(fleetApi.previewCidrs).not.toHaveBeenCalled();
  });

  it("node counts start at the profile's minimum and say its bounds", async () => {
    const props = fieldProps({
      formData: 1,
      uiSchema: { 'ui:options': { rule: 'controlPlaneNodes' } },
      formContext: { formData: { profile: 'clusterprofile:default/regional' } },
    });
    await renderField(<NodeCountField {...props} />);
    expect(
      await screen.findByText('3–5 (profile regional)'),
    ).toBeInTheDocument();
    expect(props.onChange).toHaveBeenCalledWith(3);
  });

  it('the profile version is picked from the versions the profile accepts', async () => {
    const props = fieldProps({
      formData: undefined,
      uiSchema: { 'ui:options': { rule: 'profileVersion' } },
    });
    await renderField(<ProfileChoiceField {...props} />);
    await waitFor(() => expect(props.onChange).toHaveBeenCalledWith('1.3.0'));
    await userEvent.click(screen.getByRole('button'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      '1.3.0 (current)',
      '1.2.0 (still allowed)',
    ]);
  });

  describe('validation hooks block the step with the rule in words', () => {
    const apiHolder = {
      get: (ref: { id: string }) =>
        ref.id === catalogApiRef.id
          ? catalogApiMock({ entities: [edge, regional] })
          : undefined,
    };
    async function errorsOf(
      field: string,
      formData: Record<string, unknown>,
    ): Promise<string[]> {
      const errors: string[] = [];
      await clusterFieldValidation()(
        formData[field],
        { addError: (e: string) => errors.push(e) } as any,
        {
          apiHolder,
          formData: { profile: 'clusterprofile:default/regional', ...formData },
          schema: {},
          uiSchema: { 'ui:options': { rule: field } },
        } as any,
      );
      return errors;
    }

    it('too few control plane nodes', async () => {
      expect(
        await errorsOf('controlPlaneNodes', { controlPlaneNodes: 1 }),
      ).toEqual(['1 is outside the bounds of profile regional (3–5)']);
      expect(
        await errorsOf('controlPlaneNodes', { controlPlaneNodes: 3 }),
      ).toEqual([]);
    });

    it('a review date beyond the profile interval', async () => {
      const farAway = new Date();
      farAway.setUTCFullYear(farAway.getUTCFullYear() + 2);
      const date = farAway.toISOString().slice(0, 10);
      const [error] = await errorsOf('reviewBy', {
        lifetimeClass: 'long-lived',
        reviewBy: date,
      });
      expect(error).toMatch(
        new RegExp(
          `^${date} is after .* — a long-lived cluster on profile regional is reviewed at least every 6 months$`,
        ),
      );
    });
  });
});
