import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  CLUSTER_FORM_FIELDS,
  type ClusterFormField,
  clusterFormProblems,
  clusterRefOf,
  clusterRequestFromForm,
  formatRequestIssues,
  isClusterProfileEntity,
  namespaceFormIssues,
  type NamespaceRequestLookups,
  profileRefOf,
} from '@fleet-portal/plugin-fleet-common';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { TEST_PLATFORM_REPO } from '../__testUtils__/provenance';
import {
  BAD_CLUSTER_REQUESTS,
  validClusterForm,
} from './cluster/__testUtils__/badRequests';
import {
  demoCatalogEntities,
  TODAY as CLUSTER_TODAY,
} from './cluster/__testUtils__/fixtures';
import { createFleetClusterValidateAction } from './cluster/validateAction';
import {
  BAD_NAMESPACE_REQUESTS,
  seedPendingMerge,
} from './namespace/__testUtils__/badRequests';
import {
  demoEntities,
  namespaceHarness,
  TODAY,
  validInput,
} from './namespace/__testUtils__/fixtures';
import { actionContext } from './namespace/__testUtils__/runRequest';
import { createNamespaceValidateAction } from './namespace/validateAction';

// One rule set: every case of the bad-input corpora gets the same verdict, on the same field and
// in the same words, from the form's validation (fleet-common's form functions, which the field
// extensions' validation hooks call with the catalog API) and from the action.

jest.setTimeout(60_000);

/** Lookups as the form does them: catalogApi.getEntityByRef over the same catalog. */
function formLookups(entities: Entity[]): NamespaceRequestLookups {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return {
    cluster: async ref => {
      const full = clusterRefOf(ref);
      return full ? byRef.get(full) : undefined;
    },
    profile: async ref => {
      const entity = byRef.get(profileRefOf(ref));
      return entity && isClusterProfileEntity(entity) ? entity : undefined;
    },
  };
}

function withoutUndefined(input: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  );
}

/**
 * Refused only by the action, and why the form cannot or need not: what it offers leaves no
 * choice (the team picker lists the requester's groups), the field is not in the form (limits),
 * or only the backend can know (names taken in the platform repository or meanwhile).
 */
const NAMESPACE_BACKEND_ONLY: Record<string, string> = {
  'an unknown team': 'the team picker offers only the requester’s groups',
  'a team the requester is not in':
    'the team picker offers only the requester’s groups',
  'a namespace already in the catalog':
    'taken names are decided at submit time (a name can be taken between review and submit)',
  'a namespace only in the platform repository':
    'only the backend reads the platform repository',
  'a default limit above the quota': 'limits are not a field of the form',
  'a limit that is no quantity': 'limits are not a field of the form',
};

const CLUSTER_BACKEND_ONLY: Record<string, string> = {
  'a name in use in the catalog':
    'taken names are decided at submit time (the name builder shows it live)',
  'an unknown owner': 'the owner picker offers only groups of the catalog',
  'a user as owner': 'the owner picker offers only groups',
  'an unknown profile':
    'the profile picker offers only profiles of the catalog',
};

describe('form and action give the same verdict', () => {
  describe('tenant namespace requests', () => {
    const harness = namespaceHarness();
    const lookups = formLookups(demoEntities());
    beforeAll(() => seedPendingMerge(harness.repo));
    afterAll(() => harness.repo.remove());

    async function actionError(input: Record<string, unknown>) {
      const { ctx } = actionContext(input as any);
      return createNamespaceValidateAction(harness.deps)
        .handler(ctx)
        .then(
          () => undefined,
          e => e,
        );
    }

    it('accepts the valid request in both', async () => {
      const input = validInput() as Record<string, unknown>;
      expect(await namespaceFormIssues(input, lookups, TODAY)).toEqual([]);
      expect(await actionError(input)).toBeUndefined();
    });

    it.each(
      BAD_NAMESPACE_REQUESTS.map(([name, overrides]) => [name, overrides]),
    )('%s', async (name, overrides) => {
      const input = withoutUndefined({ ...validInput(), ...overrides });
      const formIssues = await namespaceFormIssues(input, lookups, TODAY);
      const error = await actionError(input);
      expect(error).toBeInstanceOf(InputError);
      if (name in NAMESPACE_BACKEND_ONLY) {
        expect(formIssues).toEqual([]);
      } else {
        expect(formIssues).not.toEqual([]);
        expect(error.message).toBe(
          formatRequestIssues('namespace', formIssues),
        );
      }
    });
  });

  describe('new-cluster requests', () => {
    const entities = demoCatalogEntities();
    const profileOf = (ref: unknown) =>
      entities.find(
        e =>
          typeof ref === 'string' &&
          stringifyEntityRef(e) === profileRefOf(ref),
      );

    function formProblems(formData: Record<string, unknown>) {
      const profile = profileOf(formData.profile);
      if (!profile || !isClusterProfileEntity(profile)) {
        return [];
      }
      return (Object.keys(CLUSTER_FORM_FIELDS) as ClusterFormField[]).flatMap(
        field =>
          clusterFormProblems(field, formData, profile, CLUSTER_TODAY).map(
            reason => ({ path: CLUSTER_FORM_FIELDS[field], reason }),
          ),
      );
    }

    async function actionError(formData: Record<string, unknown>) {
      const action = createFleetClusterValidateAction({
        catalog: catalogServiceMock({ entities }),
        origins: [TEST_PLATFORM_REPO],
        auth: mockServices.auth(),
        permissions: mockServices.permissions({
          result: AuthorizeResult.ALLOW,
        }),
        now: () => CLUSTER_TODAY,
      });
      const ctx = {
        ...createMockActionContext({
          input: clusterRequestFromForm(formData) as any,
          user: { ref: 'user:default/priya.platform' },
        }),
        getInitiatorCredentials: async () =>
          mockCredentials.user('user:default/priya.platform'),
      };
      return action.handler(ctx as any).then(
        () => undefined,
        e => e,
      );
    }

    it('accepts the valid request in both', async () => {
      expect(formProblems(validClusterForm())).toEqual([]);
      expect(await actionError(validClusterForm())).toBeUndefined();
    });

    it.each(BAD_CLUSTER_REQUESTS)('%s', async (name, overrides, field) => {
      const formData = withoutUndefined({
        ...validClusterForm(),
        ...overrides,
      });
      const problems = formProblems(formData);
      const error = await actionError(formData);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(`${field}: `);
      if (name in CLUSTER_BACKEND_ONLY) {
        expect(problems).toEqual([]);
      } else {
        expect(problems.map(p => p.path)).toEqual([field]);
        expect(error.message).toBe(
          `The cluster request is invalid: ${field}: ${problems[0].reason}`,
        );
      }
    });
  });
});
