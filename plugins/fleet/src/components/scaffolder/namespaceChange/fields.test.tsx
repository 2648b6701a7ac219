import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  entityPresentationApiRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  budgetFleet,
  budgetPresentationApi,
} from '../../../__testUtils__/budget';
import { NamespacePicker, namespacePickerValidation } from './NamespacePicker';
import { NamespaceChangeQuotaField } from './NamespaceChangeQuotaField';
import { NamespaceLimitsField } from './NamespaceLimitsField';
import { tenancyQuotaValidation } from './TenancyQuotaField';
import {
  NamespaceRolesField,
  namespaceRolesValidation,
} from '../namespace/NamespaceRolesField';
import {
  RequestTextField,
  requestTextValidation,
} from '../namespace/RequestTextField';

const CHECKOUT = 'resource:default/stg-euw1-checkout-01.checkout';

function fieldProps(overrides: Record<string, unknown>) {
  return {
    onChange: jest.fn(),
    schema: {},
    uiSchema: { 'ui:options': { namespaceField: 'namespace' } },
    idSchema: { $id: 'root_field' },
    rawErrors: [],
    formContext: { formData: { namespace: CHECKOUT } },
    ...overrides,
  } as any;
}

function renderField(
  element: JSX.Element,
  options: { groups?: string[]; entities?: Entity[] } = {},
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [
          catalogApiRef,
          catalogApiMock({ entities: options.entities ?? budgetFleet() }),
        ],
        [
          identityApiRef,
          mockApis.identity({
            ownershipEntityRefs: options.groups ?? [
              'user:default/devon.developer',
              'group:default/team-checkout',
            ],
          }),
        ],
        [entityPresentationApiRef, budgetPresentationApi],
      ]}
    >
      {element}
    </TestApiProvider>,
  );
}

describe('Day-2 namespace form fields', () => {
  it("the namespace picker lists my teams' platform-repository namespaces with cluster, environment and team title", async () => {
    const props = fieldProps({ formData: undefined, uiSchema: {} });
    await renderField(<NamespacePicker {...props} />);
    await userEvent.click(await screen.findByRole('button'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'checkoutstg-euw1-checkout-01 · staging · Checkout',
      'searchstg-euw1-checkout-01 · staging · Checkout',
    ]);
    await userEvent.click(options[0]);
    expect(props.onChange).toHaveBeenCalledWith(CHECKOUT);
  });

  it('the namespace picker lists every namespace for a platform owner (owner of a profile)', async () => {
    const props = fieldProps({ formData: undefined, uiSchema: {} });
    await renderField(<NamespacePicker {...props} />, {
      groups: ['group:default/platform-team'],
    });
    await userEvent.click(await screen.findByRole('button'));
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent?.split('stg')[0])).toEqual([
      'checkout',
      'payments-sandbox',
      'search',
    ]);
  });

  it("the quota starts at the namespace's quota and shows now, default, maximum, budget room and the team's usage", async () => {
    const props = fieldProps({ formData: undefined });
    await renderField(<NamespaceChangeQuotaField {...props} />);
    await waitFor(() =>
      expect(props.onChange).toHaveBeenCalledWith({
        'requests.cpu': '4',
        pods: '100',
      }),
    );
    expect(
      screen.getByText('now 4 · default 1 · max 8 · 2 left in the team budget'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('now 100 · default 30 · max 200'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Checkout on stg-euw1-checkout-01: 2 of 3 namespaces, 6 of 8 CPU requested',
      ),
    ).toBeInTheDocument();
  });

  it('the quota shows the rules’ problem at its input once the step was checked', async () => {
    const props = fieldProps({
      formData: { 'requests.cpu': '7', pods: '100' },
      rawErrors: [
        'requests.cpu: team-checkout would use 9 of its budget of 8 CPU on stg-euw1-checkout-01 (now 6)',
      ],
    });
    await renderField(<NamespaceChangeQuotaField {...props} />);
    expect(
      await screen.findByText(
        'team-checkout would use 9 of its budget of 8 CPU on stg-euw1-checkout-01 (now 6)',
      ),
    ).toBeInTheDocument();
  });

  it("the roles and limits start at the namespace's own", async () => {
    const roles = fieldProps({ formData: undefined });
    await renderField(<NamespaceRolesField {...roles} />);
    await waitFor(() => expect(roles.onChange).toHaveBeenCalledWith(['edit']));
    const limits = fieldProps({ formData: undefined });
    await renderField(<NamespaceLimitsField {...limits} />);
    await waitFor(() =>
      expect(limits.onChange).toHaveBeenCalledWith({
        defaultRequest: { cpu: '50m', memory: '64Mi' },
        default: { cpu: '250m', memory: '256Mi' },
      }),
    );
  });

  it('the confirmation names what is deleted and that it lands on main or is a proposal', async () => {
    const props = fieldProps({
      formData: undefined,
      uiSchema: {
        'ui:options': {
          rule: 'confirmation',
          request: 'decommission',
          namespaceField: 'namespace',
        },
      },
    });
    await renderField(<RequestTextField {...props} />);
    expect(
      await screen.findByText(
        /clusters\/stg-euw1-checkout-01\/namespaces\/checkout\//,
      ),
    ).toBeInTheDocument();
    // the fixture profile does not allow ClickOps
    expect(
      screen.getByText(/does not allow ClickOps, so this is a proposal/),
    ).toBeInTheDocument();
  });

  describe("validation hooks run the change and decommission actions' rules", () => {
    const apiHolder = {
      get: (ref: { id: string }) =>
        ref.id === catalogApiRef.id
          ? catalogApiMock({ entities: budgetFleet() })
          : undefined,
    };
    async function errorsOf(
      validator: (...args: any[]) => void | Promise<void>,
      formData: Record<string, unknown>,
      options: Record<string, unknown> = { namespaceField: 'namespace' },
    ): Promise<string[]> {
      const errors: string[] = [];
      await validator(
        undefined,
        { addError: (e: string) => errors.push(e) },
        {
          apiHolder,
          formData: { namespace: CHECKOUT, reason: 'More load', ...formData },
          schema: {},
          uiSchema: { 'ui:options': options },
        },
      );
      return errors;
    }

    it('a quota above the team budget names usage and budget; one within passes', async () => {
      const [problem] = await errorsOf(tenancyQuotaValidation, {
        quota: { 'requests.cpu': '7' },
      });
      expect(problem).toMatch(/^requests\.cpu: team-checkout would use 9 /);
      expect(problem).toMatch(
        /budget of 8 CPU on stg-euw1-checkout-01 \(now 6\)/,
      );
      expect(
        await errorsOf(tenancyQuotaValidation, {
          quota: { 'requests.cpu': '6' },
        }),
      ).toEqual([]);
    });

    it('a namespace that does not exist', async () => {
      expect(
        await errorsOf(
          namespacePickerValidation,
          { namespace: 'resource:default/stg-euw1-checkout-01.nope' },
          { purpose: 'change' },
        ),
      ).toEqual([
        '"resource:default/stg-euw1-checkout-01.nope" is not a namespace in the catalog',
      ]);
    });

    it('a role the profile forbids, with the change rules', async () => {
      expect(
        await errorsOf(namespaceRolesValidation, { roles: ['admin'] }),
      ).toEqual(['admin is not allowed by the profile (allowed: view, edit)']);
    });

    it('a confirmation that is not the namespace name', async () => {
      const [problem] = await errorsOf(
        requestTextValidation,
        { confirmation: 'checkou' },
        { rule: 'confirmation', request: 'decommission' },
      );
      expect(problem).toMatch(
        /^"checkou" is not checkout; type the namespace's name/,
      );
    });
  });
});
