import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import { parse } from 'yaml';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FleetCatalog } from '../../catalog/FleetCatalog';
import {
  fromPlatformRepo,
  TEST_PLATFORM_REPO,
} from '../../__testUtils__/provenance';
import {
  demoEntities,
  namespaceHarness,
} from '../namespace/__testUtils__/fixtures';
import { runNamespaceRequest } from '../namespace/__testUtils__/runRequest';
import { validInput } from '../namespace/__testUtils__/fixtures';
import {
  PRIYA,
  proposeDay2,
  renderDay2,
  runDay2,
} from './__testUtils__/runDay2';

// Day-2 requests against a real bare repository seeded with the demo platform repository.

jest.setTimeout(60_000);

const STAGING = 'resource:default/stg-euw1-checkout-01.checkout';
const STAGING_FILE =
  'clusters/stg-euw1-checkout-01/namespaces/checkout/namespace.yaml';
const reason = 'Load test of the new checkout flow';

describe('fleet:namespace:change', () => {
  const harness = namespaceHarness();
  afterAll(() => harness.repo.remove());

  it('lands a raise on main for a ClickOps staging cluster: one value changed, authored as the requester', async () => {
    const before = harness.repo.show('main', STAGING_FILE);
    const { rendered, proposed } = await runDay2(
      'change',
      { namespace: STAGING, quota: { pods: '120' }, reason },
      harness.deps,
    );
    expect(rendered.mode).toBe('direct');
    expect(Object.keys(rendered.files)).toEqual([STAGING_FILE]);
    expect(proposed).toMatchObject({ mode: 'direct', branch: 'main' });
    const after = harness.repo.show('main', STAGING_FILE);
    expect(after).toBe(before.replace('pods: "100"', 'pods: "120"'));
    expect(harness.repo.log('main', '%an%n%B')).toContain('Devon Clarke');
    expect(harness.repo.log('main', '%B')).toContain(reason);
    expect(harness.repo.log('main', '%s')).toBe(
      'Change tenant namespace checkout on stg-euw1-checkout-01 (quota)',
    );
  });

  it('proposes a change of a production namespace on its own branch, main untouched', async () => {
    const main = harness.repo.log('main', '%H');
    const { proposed } = await runDay2(
      'change',
      {
        namespace: 'resource:default/prd-euw1-checkout-01.cart',
        roles: ['view'],
        reason: 'Read-only from now on',
      },
      harness.deps,
      { taskId: 'b1b1b1b1-0000-0000-0000-000000000002' },
    );
    expect(proposed.mode).toBe('propose');
    expect(proposed.branch).toMatch(
      /^fleet\/namespace\/prd-euw1-checkout-01\//,
    );
    expect(harness.repo.log('main', '%H')).toBe(main);
    const file = parse(
      harness.repo.show(
        proposed.branch,
        'clusters/prd-euw1-checkout-01/namespaces/cart/namespace.yaml',
      ),
    );
    expect(file.spec.roles).toEqual(['view']);
  });

  it('refuses a change over the team budget and writes nothing', async () => {
    const refs = harness.repo.refs();
    const attempt = runDay2(
      'change',
      { namespace: STAGING, quota: { pods: '190' }, reason },
      harness.deps,
    );
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow(
      // usage is what the catalog knows: this test's catalog does not refresh, so still 100
      /quota\.pods: team-checkout would use 190 of its budget of 180 pods on stg-euw1-checkout-01 \(now 100\)/,
    );
    expect(harness.repo.refs()).toBe(refs);
  });

  it('two racing changes: the first wins, the second gets a conflict and main stays consistent', async () => {
    const first = await renderDay2(
      'change',
      { namespace: STAGING, quota: { pods: '130' }, reason },
      harness.deps,
      { taskId: 'c1c1c1c1-0000-0000-0000-000000000001' },
    );
    const second = await renderDay2(
      'change',
      { namespace: STAGING, quota: { pods: '140' }, reason },
      harness.deps,
      { taskId: 'c2c2c2c2-0000-0000-0000-000000000002' },
    );
    const count = harness.repo.commitCount('main');
    await proposeDay2(first, reason, harness.deps, {
      taskId: 'c1c1c1c1-0000-0000-0000-000000000001',
    });
    const attempt = proposeDay2(second, reason, harness.deps, {
      taskId: 'c2c2c2c2-0000-0000-0000-000000000002',
    });
    await expect(attempt).rejects.toThrow(ConflictError);
    await expect(attempt).rejects.toThrow(
      'checkout on stg-euw1-checkout-01 changed since this request was rendered; render it again',
    );
    expect(harness.repo.commitCount('main')).toBe(count + 1);
    expect(parse(harness.repo.show('main', STAGING_FILE)).spec.quota.pods).toBe(
      '130',
    );
  });

  it('refuses a namespace of another team for a developer, lets a platform owner', async () => {
    const input = {
      namespace: 'resource:default/stg-euw1-checkout-01.payments-sandbox',
      quota: { pods: '60' },
      reason: 'More pods for the sandbox',
    };
    const refs = harness.repo.refs();
    await expect(runDay2('change', input, harness.deps)).rejects.toThrow(
      'namespace: payments-sandbox on stg-euw1-checkout-01 belongs to team-payments; only its members and the platform owners may change it',
    );
    expect(harness.repo.refs()).toBe(refs);
    const { proposed } = await runDay2('change', input, harness.deps, {
      user: PRIYA,
    });
    expect(proposed.requestedBy).toBe('user:default/priya.platform');
  });

  it('changes quota and roles in the baseline manifests of a namespace it created, every other document byte-identical', async () => {
    await runNamespaceRequest(validInput() as any, harness.deps, {
      taskId: 'd1d1d1d1-0000-0000-0000-000000000001',
    });
    const file =
      'clusters/stg-euw1-checkout-01/namespaces/checkout-search/manifests.yaml';
    const before = harness.repo.show('main', file).split(/^---\n/m);
    // the catalog after its next refresh: the demo and the new namespace's entity
    const created = parse(
      harness.repo.show(
        'main',
        'clusters/stg-euw1-checkout-01/namespaces/checkout-search/namespace.yaml',
      ),
    );
    const deps = {
      ...harness.deps,
      catalog: new FleetCatalog(
        catalogServiceMock({
          entities: [...demoEntities(), fromPlatformRepo(created)],
        }),
        [TEST_PLATFORM_REPO],
      ),
    };
    const { rendered } = await runDay2(
      'change',
      {
        namespace: 'resource:default/stg-euw1-checkout-01.checkout-search',
        quota: { 'requests.cpu': '3' },
        roles: ['edit', 'view'],
        reason,
      },
      deps,
      { taskId: 'd2d2d2d2-0000-0000-0000-000000000002' },
    );
    expect(Object.keys(rendered.files).sort()).toEqual([
      file,
      'clusters/stg-euw1-checkout-01/namespaces/checkout-search/namespace.yaml',
    ]);
    const after = harness.repo.show('main', file).split(/^---\n/m);
    const kinds = after.map(d => parse(d).kind);
    expect(kinds.filter(k => k === 'RoleBinding')).toHaveLength(2);
    const quota = after.find(d => parse(d).kind === 'ResourceQuota')!;
    expect(parse(quota).spec.hard['requests.cpu']).toBe('3');
    const untouched = before.filter(
      d => !['ResourceQuota'].includes(parse(d).kind),
    );
    for (const doc of untouched) {
      expect(after).toContain(doc);
    }
  });
});

describe('fleet:namespace:decommission', () => {
  const harness = namespaceHarness();
  afterAll(() => harness.repo.remove());

  it('removes the folder on main where ClickOps is allowed', async () => {
    const { rendered, proposed } = await runDay2(
      'decommission',
      {
        namespace: 'resource:default/dev-euw1-shared-01.checkout-dev',
        confirmation: 'checkout-dev',
        reason: 'Development moved to the team cluster',
      },
      harness.deps,
    );
    expect(rendered.deleted).toEqual([
      'clusters/dev-euw1-shared-01/namespaces/checkout-dev/namespace.yaml',
    ]);
    expect(proposed).toMatchObject({ mode: 'direct', branch: 'main' });
    expect(
      harness.repo.has(
        'main',
        'clusters/dev-euw1-shared-01/namespaces/checkout-dev/namespace.yaml',
      ),
    ).toBe(false);
    expect(
      harness.repo.has(
        'main',
        'clusters/dev-euw1-shared-01/namespaces/search-dev/namespace.yaml',
      ),
    ).toBe(true);
    expect(harness.repo.log('main', '%B')).toContain(
      'Development moved to the team cluster',
    );
  });

  it('proposes the removal of a production namespace; main keeps it', async () => {
    const file = 'clusters/prd-euw1-checkout-01/namespaces/cart/namespace.yaml';
    const { proposed } = await runDay2(
      'decommission',
      {
        namespace: 'resource:default/prd-euw1-checkout-01.cart',
        confirmation: 'cart',
        reason: 'The cart moved into checkout',
      },
      harness.deps,
      { taskId: 'e1e1e1e1-0000-0000-0000-000000000001' },
    );
    expect(proposed.mode).toBe('propose');
    expect(harness.repo.has('main', file)).toBe(true);
    expect(harness.repo.has(proposed.branch, file)).toBe(false);
  });

  it('refuses without the permission, writing nothing', async () => {
    const denied = namespaceHarness({ allow: false });
    try {
      const refs = denied.repo.refs();
      await expect(
        runDay2(
          'decommission',
          {
            namespace: 'resource:default/dev-euw1-shared-01.checkout-dev',
            confirmation: 'checkout-dev',
            reason: 'x',
          },
          denied.deps,
        ),
      ).rejects.toThrow(NotAllowedError);
      expect(denied.repo.refs()).toBe(refs);
    } finally {
      denied.repo.remove();
    }
  });
});
