import { ConfigReader } from '@backstage/config';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clusterRefOf,
  isClusterProfileEntity,
  namespaceChangeFormIssues,
  type NamespaceChangeLookups,
  namespaceDecommissionFormIssues,
  namespaceRefOf,
  profileRefOf,
} from '@fleet-portal/plugin-fleet-common';
import { FleetCatalog } from '../../catalog/FleetCatalog';
import { KubernetesApplier } from '../../kubernetes/KubernetesApplier';
import { FakeKubernetesApi } from '../../kubernetes/__testUtils__/fakeKubernetesApi';
import { TEST_PLATFORM_REPO } from '../../__testUtils__/provenance';
import { namespaceHarness } from '../namespace/__testUtils__/fixtures';
import {
  BAD_DAY2_REQUESTS,
  DAY2_BACKEND_ONLY,
  day2Entities,
} from './__testUtils__/badDay2Requests';
import { runDay2 } from './__testUtils__/runDay2';

// The Day-2 bad-input corpus: every case is refused by the action with an InputError naming
// its field and nothing is written; the form's rules (fleet-common, as the field extensions
// call them) refuse the same cases on the same field in the same words.

jest.setTimeout(60_000);

/** Lookups as the form does them, over the same catalog (no provenance: the form cannot see it). */
function formLookups(entities: Entity[]): NamespaceChangeLookups {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  return {
    namespace: async ref => byRef.get(namespaceRefOf(ref) ?? ''),
    cluster: async ref => byRef.get(clusterRefOf(ref) ?? ''),
    profile: async ref => {
      const entity = byRef.get(profileRefOf(ref));
      return entity && isClusterProfileEntity(entity) ? entity : undefined;
    },
    namespacesOnCluster: async clusterRef =>
      entities.filter(
        e =>
          e.spec?.type === 'kubernetes-namespace' &&
          clusterRefOf(String(e.spec.cluster)) === clusterRef,
      ),
  };
}

describe('Day-2 bad-input corpus', () => {
  const entities = day2Entities();
  const harness = namespaceHarness({ entities });
  const fake = new FakeKubernetesApi('corpus-token');
  let deps: typeof harness.deps & { applier: KubernetesApplier };
  beforeAll(async () => {
    const url = await fake.start();
    fake.quotaUsed.set('checkout', { 'requests.cpu': '3', pods: '40' });
    deps = {
      ...harness.deps,
      catalog: new FleetCatalog(catalogServiceMock({ entities }), [
        TEST_PLATFORM_REPO,
      ]),
      applier: KubernetesApplier.fromConfig(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [
                  {
                    name: 'stg-euw1-checkout-01',
                    url,
                    serviceAccountToken: 'corpus-token',
                    // the fake speaks plain HTTP on 127.0.0.1
                    skipTLSVerify: true,
                  },
                ],
              },
            ],
          },
        }),
      ),
    };
  });
  afterAll(async () => {
    await fake.stop();
    harness.repo.remove();
  });

  it('has at least 15 cases', () => {
    expect(BAD_DAY2_REQUESTS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(BAD_DAY2_REQUESTS)(
    'the action refuses %s and writes nothing',
    async (_name, step, input, _field, message) => {
      const refs = harness.repo.refs();
      const attempt = runDay2(step, input as any, deps);
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toThrow(message);
      expect(harness.repo.refs()).toBe(refs);
    },
  );

  it.each(BAD_DAY2_REQUESTS.filter(([name]) => !(name in DAY2_BACKEND_ONLY)))(
    'the form refuses %s on the same field in the same words',
    async (_name, step, input, field, message) => {
      const lookups = formLookups(entities);
      const issues =
        step === 'change'
          ? await namespaceChangeFormIssues(input, lookups)
          : await namespaceDecommissionFormIssues(input, lookups);
      const matching = issues.filter(i => i.path === field);
      expect(matching.map(i => i.message)).toContainEqual(
        typeof message === 'string' ? message : expect.stringMatching(message),
      );
    },
  );

  it('the form accepts what the backend alone refuses, for the reason given', async () => {
    const lookups = formLookups(entities);
    for (const [name, step, input] of BAD_DAY2_REQUESTS.filter(
      ([n]) => n in DAY2_BACKEND_ONLY,
    )) {
      const issues =
        step === 'change'
          ? await namespaceChangeFormIssues(input, lookups)
          : await namespaceDecommissionFormIssues(input, lookups);
      expect({ name, issues }).toEqual({ name, issues: [] });
    }
  });
});
