import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { isFromPlatformRepository } from '@fleet-portal/plugin-fleet-common';
import path from 'node:path';
import { readPlatformRepoOrigins } from './origins';
import { platformRepoSourceAnnotations } from './sourceAnnotations';

const origins = (fleetPlatformRepo: object) =>
  readPlatformRepoOrigins(
    new ConfigReader({ catalog: { providers: { fleetPlatformRepo } } } as any),
  );

const cluster = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'stg-euw1-checkout-01', annotations },
  spec: { type: 'kubernetes-cluster' },
});
const FILE = 'clusters/stg-euw1-checkout-01/cluster.yaml';

describe('readPlatformRepoOrigins', () => {
  it('reads nothing without config', () => {
    expect(readPlatformRepoOrigins(new ConfigReader({}))).toEqual([]);
  });

  it('reads one provider or a map, resolving local paths like the provider', () => {
    expect(origins({ remote: 'https://github.com/acme/platform.git' })).toEqual(
      [
        {
          id: 'default',
          remote: 'https://github.com/acme/platform.git',
          branch: 'main',
        },
      ],
    );
    expect(
      origins({
        demo: { remote: 'data/platform.git' },
        prod: { remote: 'file:///srv/platform.git', branch: 'release/2025' },
      }),
    ).toEqual([
      { id: 'demo', remote: path.resolve('data/platform.git'), branch: 'main' },
      {
        id: 'prod',
        remote: 'file:///srv/platform.git',
        branch: 'release/2025',
      },
    ]);
  });

  it('rejects remotes and branches the provider rejects', () => {
    expect(() => origins({ remote: 'git@github.com:acme/p.git' })).toThrow(
      'catalog.providers.fleetPlatformRepo.default.remote: only local paths, file:// and http(s) URLs are supported',
    );
    expect(() => origins({ remote: '/srv/p.git', branch: '--evil' })).toThrow(
      'catalog.providers.fleetPlatformRepo.default.branch: "--evil" is not a branch name',
    );
  });

  it('are what the provider annotations are checked against', () => {
    const configured = origins({
      demo: { remote: 'data/platform.git', branch: 'main' },
      web: { remote: 'https://github.com/acme/platform.git', branch: 'main' },
    });
    const [demo, web] = configured;
    for (const origin of configured) {
      expect(
        isFromPlatformRepository(
          cluster(platformRepoSourceAnnotations(origin, FILE)),
          configured,
        ),
      ).toBe(true);
    }
    // another branch of the https repository, another local repository
    for (const other of [
      { ...web, branch: 'feature' },
      { ...demo, remote: path.resolve('data/other.git') },
    ]) {
      expect(
        isFromPlatformRepository(
          cluster(platformRepoSourceAnnotations(other, FILE)),
          configured,
        ),
      ).toBe(false);
    }
  });
});
