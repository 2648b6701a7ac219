import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { ClusterPicker, clusterPickerValidation } from './ClusterPicker';
import {
  NamespaceQuotaField,
  namespaceQuotaValidation,
  quotaProblems,
} from './NamespaceQuotaField';
import {
  NamespaceRolesField,
  namespaceRolesValidation,
} from './NamespaceRolesField';
import { requestTextValidation } from './RequestTextField';

const profile: Entity = {
  apiVersion: 'fleet-portal.dev/v1alpha1',
  kind: 'ClusterProfile',
  metadata: {
    name: 'non-production',
    namespace: 'default',
    title: 'Non-production',
  },
  spec: {
    type: 'non-production',
    version: '2.4.0',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    kubernetes: { distribution: 'kubeadm', version: '1.31.4' },
    components: [],
    tenancy: {
      allowedRoles: ['view', 'edit'],
      defaults: { quota: { 'requests.cpu': '1', pods: '30' } },
      maximums: { quota: { 'requests.cpu': '8', pods: '200' } },
    },
  },
};

function cluster(
  name: string,
  spec: Record<string, unknown> = {},
  annotations?: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      ...(annotations && { annotations }),
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/platform-team',
      lifecycle: 'production',
      profile: 'non-production',
      profileVersion: '2.4.0',
      environment: 'staging',
      environmentGroup: 'non-production',
      region: 'eu-west-1',
      purpose: 'Staging',
      network: { podCidr: '100.64.0.0/17', serviceCidr: '100.80.0.0/21' },
      lifetime: {
        class: 'long-lived',
        created: '2025-01-01',
        reviewBy: '2027-01-01',
      },
      ...spec,
    },
  };
}

const entities = [
  profile,
  cluster('stg-euw1-checkout-01'),
  cluster('stg-euw1-old-01', { lifecycle: 'deprecated' }),
  cluster('stg-euw1-gone-01', {
    lifetime: {
      class: 'project',
      created: '2024-01-01',
      reviewBy: '2024-06-01',
      retireBy: '2025-01-01',
    },
  }),
  cluster('stg-euw1-found-01', { profile: undefined }),
];

function fieldProps(overrides: Record<string, unknown>) {
  return {
    onChange: jest.fn(),
    schema: {},
    uiSchema: {},
    idSchema: { $id: 'root_field' },
    rawErrors: [],
    formContext: {
      formData: { cluster: 'resource:default/stg-euw1-checkout-01' },
    },
    ...overrides,
  } as any;
}

function renderField(element: JSX.Element) {
  return renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApiMock({ entities })]]}>
      {element}
    </TestApiProvider>,
  );
}

describe('tenant-namespace form fields', () => {
  it('the cluster picker lists only governed, live clusters with environment and profile', async () => {
    const props = fieldProps({ formData: undefined });
    await renderField(<ClusterPicker {...props} />);
    await userEvent.click(screen.getByRole('button'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'stg-euw1-checkout-01staging · profile non-production 2.4.0',
    ]);
    await userEvent.click(options[0]);
    expect(props.onChange).toHaveBeenCalledWith(
      'resource:default/stg-euw1-checkout-01',
    );
  });

  it("the quota field starts from the profile's defaults and shows its maximums", async () => {
    const props = fieldProps({ formData: undefined });
    await renderField(<NamespaceQuotaField {...props} />);
    await waitFor(() =>
      expect(props.onChange).toHaveBeenCalledWith({
        'requests.cpu': '1',
        pods: '30',
      }),
    );
    expect(screen.getByText('default 1 · max 8')).toBeInTheDocument();
    expect(screen.getByText('default 30 · max 200')).toBeInTheDocument();
  });

  it('the quota field flags values above the maximum and non-quantities', async () => {
    const props = fieldProps({
      formData: { 'requests.cpu': '10', pods: '10 pods' },
    });
    await renderField(<NamespaceQuotaField {...props} />);
    expect(
      await screen.findByText(
        '10 is above the maximum of 8 set by the profile non-production',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/"10 pods" is not a Kubernetes quantity/),
    ).toBeInTheDocument();
  });

  it("checks quantities with the action's rules", () => {
    expect(quotaProblems({ 'requests.cpu': '2' }, profile as any)).toEqual({});
    expect(quotaProblems({ 'requests.cpu': '9' }, profile as any)).toEqual({
      'requests.cpu':
        '9 is above the maximum of 8 set by the profile non-production',
    });
    expect(
      quotaProblems({ 'requests.cpu': '10 cpus' }, profile as any)[
        'requests.cpu'
      ],
    ).toMatch(/not a Kubernetes quantity/);
  });

  it("the roles field offers only the profile's allowed roles, never platform-only ones", async () => {
    const props = fieldProps({ formData: undefined });
    await renderField(<NamespaceRolesField {...props} />);
    expect(
      await screen.findByRole('checkbox', { name: /view/ }),
    ).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /edit/ })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /admin/ })).toBeNull();
    expect(props.onChange).toHaveBeenCalledWith(['edit']);
  });

  describe("validation hooks run the action's rules", () => {
    const apiHolder = {
      get: (ref: { id: string }) =>
        ref.id === catalogApiRef.id ? catalogApiMock({ entities }) : undefined,
    };
    async function errorsOf(
      validator: (...args: any[]) => void | Promise<void>,
      formData: Record<string, unknown>,
      uiSchema: Record<string, unknown> = {},
    ): Promise<string[]> {
      const errors: string[] = [];
      await validator(
        undefined,
        { addError: (e: string) => errors.push(e) },
        {
          apiHolder,
          formData: {
            cluster: 'resource:default/stg-euw1-checkout-01',
            ...formData,
          },
          schema: {},
          uiSchema,
        },
      );
      return errors;
    }

    it('a bad name, in words, without a regular expression', async () => {
      expect(
        await errorsOf(
          requestTextValidation,
          { namespace: 'Checkout' },
          { 'ui:options': { rule: 'namespace' } },
        ),
      ).toEqual([
        `"Checkout" must be lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. checkout-dev)`,
      ]);
    });

    it('a quota above the maximum', async () => {
      expect(
        await errorsOf(namespaceQuotaValidation, {
          quota: { 'requests.cpu': '9' },
        }),
      ).toEqual([
        'requests.cpu: 9 is above the maximum of 8 set by the profile non-production',
      ]);
    });

    it('a role the profile forbids', async () => {
      expect(
        await errorsOf(namespaceRolesValidation, { roles: ['admin'] }),
      ).toEqual(['admin is not allowed by the profile (allowed: view, edit)']);
    });

    it('a deprecated cluster', async () => {
      expect(
        await errorsOf(clusterPickerValidation, {
          cluster: 'resource:default/stg-euw1-old-01',
        }),
      ).toEqual([
        'resource:default/stg-euw1-old-01 is deprecated; request the namespace on its successor',
      ]);
    });
  });
});
