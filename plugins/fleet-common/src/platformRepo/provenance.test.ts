import type { Entity } from '@backstage/catalog-model';
import {
  clusterProfile,
  governedCluster,
  tenantNamespace,
} from '../__fixtures__/corpus';
import { PlatformRepoOrigin } from './locations';
import {
  isFromPlatformRepository,
  isFromRepositoryOf,
  platformRepoEntityPath,
} from './provenance';

const ORIGIN = 'backstage.io/managed-by-origin-location';

/** The entity with the origin location the catalog recorded for it. */
function withOrigin(entity: Entity, origin?: string, namespace?: string) {
  const annotations = { ...entity.metadata.annotations };
  if (origin === undefined) {
    delete annotations[ORIGIN];
  } else {
    annotations[ORIGIN] = origin;
  }
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      ...(namespace ? { namespace } : {}),
      annotations,
    },
  };
}

const local: PlatformRepoOrigin = {
  remote: '/srv/git/platform-config.git',
  branch: 'main',
};
const github: PlatformRepoOrigin = {
  remote: 'https://github.com/acme/platform-config.git',
  branch: 'main',
};
const CLUSTER_FILE = 'clusters/prd-euw1-payments-01/cluster.yaml';
const blob = (repository: string, branch: string, path = CLUSTER_FILE) =>
  `url:https://github.com/${repository}/blob/${branch}/${path}`;

describe('isFromPlatformRepository', () => {
  it('accepts an entity of a local remote, by its fleet-platform-repo location', () => {
    const cluster = withOrigin(
      governedCluster,
      `fleet-platform-repo:/srv/git/platform-config.git/${CLUSTER_FILE}`,
    );
    expect(isFromPlatformRepository(cluster, [local])).toBe(true);
  });

  it('accepts an entity of an https remote on the configured branch', () => {
    const cluster = withOrigin(
      governedCluster,
      blob('acme/platform-config', 'main'),
    );
    expect(isFromPlatformRepository(cluster, [github])).toBe(true);
    // credentials in the configured remote are never part of the location
    expect(
      isFromPlatformRepository(cluster, [
        {
          ...github,
          remote: 'https://bot:t0ken@github.com/acme/platform-config',
        },
      ]),
    ).toBe(true);
  });

  it('refuses the same file registered from another branch of the repository', () => {
    const cluster = withOrigin(
      governedCluster,
      blob('acme/platform-config', 'feature-x'),
    );
    expect(isFromPlatformRepository(cluster, [github])).toBe(false);
  });

  it('refuses the same path in another repository', () => {
    for (const repository of [
      'mallory/platform-config',
      'acme/platform-config-fork',
    ]) {
      const cluster = withOrigin(governedCluster, blob(repository, 'main'));
      expect(isFromPlatformRepository(cluster, [github])).toBe(false);
    }
    const elsewhere = withOrigin(
      governedCluster,
      `fleet-platform-repo:/srv/git/other.git/${CLUSTER_FILE}`,
    );
    expect(isFromPlatformRepository(elsewhere, [local])).toBe(false);
  });

  it('refuses an entity without an origin location, whatever fleet annotations it carries', () => {
    // governedCluster carries fleet-portal.dev/source: platform-repo and a source-file
    expect(isFromPlatformRepository(withOrigin(governedCluster), [local])).toBe(
      false,
    );
  });

  it('refuses an entity registered from a URL or file location', () => {
    for (const origin of [
      'url:https://github.com/mallory/catalog/blob/main/cluster.yaml',
      `file:/srv/git/platform-config.git/${CLUSTER_FILE}`,
      `url:/srv/git/platform-config.git/${CLUSTER_FILE}`,
    ]) {
      expect(
        isFromPlatformRepository(withOrigin(governedCluster, origin), [
          local,
          github,
        ]),
      ).toBe(false);
    }
  });

  it('refuses a copy in another catalog namespace, even with the real file as origin', () => {
    const spoof = withOrigin(
      governedCluster,
      blob('acme/platform-config', 'main'),
      'team-x',
    );
    expect(isFromPlatformRepository(spoof, [github])).toBe(false);
  });

  it("refuses an entity whose origin is another entity's file", () => {
    const renamed = withOrigin(
      {
        ...governedCluster,
        metadata: { ...governedCluster.metadata, name: 'prd-euw1-shadow-01' },
      },
      blob('acme/platform-config', 'main'),
    );
    expect(isFromPlatformRepository(renamed, [github])).toBe(false);
    const profileFromClusterFile = withOrigin(
      clusterProfile,
      blob('acme/platform-config', 'main'),
    );
    expect(isFromPlatformRepository(profileFromClusterFile, [github])).toBe(
      false,
    );
  });

  it('accepts profiles and tenant namespaces from their own files', () => {
    const profile = withOrigin(
      clusterProfile,
      blob('acme/platform-config', 'main', 'profiles/production/profile.yaml'),
    );
    const namespace = withOrigin(
      tenantNamespace,
      blob(
        'acme/platform-config',
        'main',
        'clusters/prd-euw1-payments-01/namespaces/checkout/namespace.yaml',
      ),
    );
    expect(isFromPlatformRepository(profile, [local, github])).toBe(true);
    expect(isFromPlatformRepository(namespace, [local, github])).toBe(true);
  });

  it('trusts nothing when no platform repository is configured', () => {
    const cluster = withOrigin(
      governedCluster,
      blob('acme/platform-config', 'main'),
    );
    expect(isFromPlatformRepository(cluster, [])).toBe(false);
  });
});

describe('platformRepoEntityPath', () => {
  it('is the file the provider reads each fleet kind from', () => {
    expect(platformRepoEntityPath(governedCluster)).toBe(CLUSTER_FILE);
    expect(platformRepoEntityPath(clusterProfile)).toBe(
      'profiles/production/profile.yaml',
    );
    expect(platformRepoEntityPath(tenantNamespace)).toBe(
      'clusters/prd-euw1-payments-01/namespaces/checkout/namespace.yaml',
    );
  });

  it('is undefined for other kinds and for names no directory can have', () => {
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'team-a' },
      spec: {},
    };
    expect(platformRepoEntityPath(group)).toBeUndefined();
    const escaping = {
      ...tenantNamespace,
      spec: { ...tenantNamespace.spec, namespace: '../../profiles/x' },
    };
    expect(platformRepoEntityPath(escaping)).toBeUndefined();
    const misnamed = {
      ...tenantNamespace,
      metadata: {
        ...tenantNamespace.metadata,
        name: 'prd-euw1-payments-01.other',
      },
    };
    expect(platformRepoEntityPath(misnamed)).toBeUndefined();
  });
});

describe('isFromRepositoryOf', () => {
  const NAMESPACE_FILE =
    'clusters/prd-euw1-payments-01/namespaces/checkout/namespace.yaml';
  const localBase = 'fleet-platform-repo:/srv/git/platform-config.git/';
  const cluster = withOrigin(governedCluster, `${localBase}${CLUSTER_FILE}`);

  it("accepts a namespace read from the governed cluster's repository", () => {
    expect(
      isFromRepositoryOf(
        cluster,
        withOrigin(tenantNamespace, `${localBase}${NAMESPACE_FILE}`),
      ),
    ).toBe(true);
    const https = withOrigin(governedCluster, blob('acme/platform', 'main'));
    expect(
      isFromRepositoryOf(
        https,
        withOrigin(
          tenantNamespace,
          blob('acme/platform', 'main', NAMESPACE_FILE),
        ),
      ),
    ).toBe(true);
  });

  it('refuses another repository, branch, path, namespace or no origin', () => {
    const https = withOrigin(governedCluster, blob('acme/platform', 'main'));
    for (const origin of [
      blob('acme/platform', 'feature', NAMESPACE_FILE),
      blob('evil/platform', 'main', NAMESPACE_FILE),
      `${localBase}${NAMESPACE_FILE}`,
      blob('acme/platform', 'main', `copy/${NAMESPACE_FILE}`),
      undefined,
    ]) {
      expect(
        isFromRepositoryOf(https, withOrigin(tenantNamespace, origin)),
      ).toBe(false);
    }
    expect(
      isFromRepositoryOf(
        cluster,
        withOrigin(tenantNamespace, `${localBase}${NAMESPACE_FILE}`, 'other'),
      ),
    ).toBe(false);
  });

  it('trusts nothing when the governed entity is not where its file says', () => {
    const misplaced = withOrigin(
      governedCluster,
      `${localBase}clusters/elsewhere/cluster.yaml`,
    );
    expect(
      isFromRepositoryOf(
        misplaced,
        withOrigin(tenantNamespace, `${localBase}${NAMESPACE_FILE}`),
      ),
    ).toBe(false);
  });
});
