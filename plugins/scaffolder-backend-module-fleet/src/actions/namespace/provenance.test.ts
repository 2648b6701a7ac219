import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { registeredFrom } from '../../__testUtils__/provenance';
import {
  demoEntities,
  namespaceHarness,
  validInput,
} from './__testUtils__/fixtures';
import { actionContext, runNamespaceRequest } from './__testUtils__/runRequest';
import { createPlatformRepoProposeAction } from '../platformRepo/proposeAction';

// Real git repositories on a machine shared with other test runs.
jest.setTimeout(60_000);

const MALLORY = 'https://github.com/mallory/catalog/blob/main';

function demoEntity(name: string): Entity {
  return structuredClone(demoEntities().find(e => e.metadata.name === name)!);
}

/**
 * The staging cluster's YAML (non-production profile, ClickOps allowed) renamed to the
 * production payments cluster, in another catalog namespace, registered from a URL: a
 * request on it would land directly on main under the real cluster's folder.
 */
function spoofedProductionCluster(): Entity {
  const copy = demoEntity('stg-euw1-checkout-01');
  copy.metadata = {
    ...copy.metadata,
    name: 'prd-euw1-payments-01',
    namespace: 'mallory',
    title: 'Payments (EU)',
  };
  return registeredFrom(copy, `${MALLORY}/cluster.yaml`);
}

/**
 * A cluster of the platform repository whose profile, `sandbox`, the repository no longer
 * has; someone registered a profile of that name (default namespace) that allows ClickOps
 * and twice the staging quota.
 */
function clusterWithSquattedProfile(): Entity[] {
  const cluster = demoEntity('stg-euw1-checkout-01');
  cluster.spec = { ...cluster.spec, profile: 'sandbox' };
  const profile = demoEntity('non-production');
  profile.metadata = { ...profile.metadata, name: 'sandbox' };
  profile.spec = {
    ...profile.spec,
    clickOps: { allowed: true },
    tenancy: { allowedRoles: ['view', 'edit', 'admin'] },
  };
  return [cluster, registeredFrom(profile, `${MALLORY}/profile.yaml`)];
}

describe('namespace requests and where the catalog got the cluster and profile', () => {
  const others = (names: string[]) =>
    demoEntities().filter(e => !names.includes(e.metadata.name));

  it('refuses a cluster registered from another location and namespace, and writes nothing', async () => {
    const harness = namespaceHarness({
      entities: [...demoEntities(), spoofedProductionCluster()],
    });
    try {
      const before = harness.repo.refs();
      const error = await runNamespaceRequest(
        validInput({ cluster: 'resource:mallory/prd-euw1-payments-01' }) as any,
        harness.deps,
      ).catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toBe(
        'resource:mallory/prd-euw1-payments-01 is not from the platform repository: the catalog records another origin for it, so it is not governed and cannot be acted on',
      );
      expect(harness.repo.refs()).toBe(before);
    } finally {
      harness.repo.remove();
    }
  });

  it('refuses the propose step on such a cluster even when a template skips validate and render', async () => {
    const harness = namespaceHarness({
      entities: [...demoEntities(), spoofedProductionCluster()],
    });
    try {
      const before = harness.repo.refs();
      const dir = 'clusters/prd-euw1-payments-01/namespaces/mallory-tools';
      const { ctx } = actionContext({
        kind: 'namespace',
        cluster: 'resource:mallory/prd-euw1-payments-01',
        files: { [`${dir}/namespace.yaml`]: 'kind: Resource\n' },
        title: 'Add tenant namespace mallory-tools',
        reason: 'tools',
      });
      await expect(
        createPlatformRepoProposeAction(harness.deps).handler(ctx),
      ).rejects.toThrow(NotAllowedError);
      expect(harness.repo.refs()).toBe(before);
    } finally {
      harness.repo.remove();
    }
  });

  it('refuses a ClickOps profile that is not from the platform repository, and writes nothing', async () => {
    const harness = namespaceHarness({
      entities: [
        ...others(['stg-euw1-checkout-01']),
        ...clusterWithSquattedProfile(),
      ],
    });
    try {
      const before = harness.repo.refs();
      const error = await runNamespaceRequest(
        validInput({ roles: ['admin'] }) as any,
        harness.deps,
      ).catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toBe(
        'clusterprofile:default/sandbox is not from the platform repository: the catalog records another origin for it, so it is not governed and cannot be acted on',
      );
      expect(harness.repo.refs()).toBe(before);
    } finally {
      harness.repo.remove();
    }
  });

  it('is not blocked by a tenant namespace entity registered elsewhere under the same name', async () => {
    const squatter = registeredFrom(
      {
        ...demoEntity('prd-euw1-payments-01.payments-api'),
        metadata: {
          name: 'stg-euw1-checkout-01.checkout-search',
          namespace: 'mallory',
        },
        spec: {
          ...demoEntity('prd-euw1-payments-01.payments-api').spec,
          cluster: 'resource:default/stg-euw1-checkout-01',
          namespace: 'checkout-search',
        },
      },
      `${MALLORY}/namespace.yaml`,
    );
    const harness = namespaceHarness({
      entities: [...demoEntities(), squatter],
    });
    try {
      const { propose } = await runNamespaceRequest(
        validInput() as any,
        harness.deps,
      );
      expect(propose.mode).toBe('direct');
    } finally {
      harness.repo.remove();
    }
  });
});
