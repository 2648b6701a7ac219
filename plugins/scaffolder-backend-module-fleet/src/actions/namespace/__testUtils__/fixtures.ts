import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Entity, UserEntity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PlatformRepoWriter } from '@fleet-portal/plugin-fleet-node';
import { FleetCatalog } from '../../../catalog/FleetCatalog';
import type { NamespaceRequestInput } from '../namespaceRequest';
import { GitRemote } from '../../../__testUtils__/gitRemote';
import { RenderSeal } from '../../../integrity/RenderSeal';
import {
  fromPlatformRepo,
  TEST_PLATFORM_REPO,
} from '../../../__testUtils__/provenance';

export const EXAMPLES = path.resolve(__dirname, '../../../../../../examples');
export const PLATFORM_CONFIG = path.join(EXAMPLES, 'platform-config');

/** Tests run on a fixed day. */
export const TODAY = '2026-05-15';

function readYamlTree(dir: string): Entity[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map(
        doc => doc.toJS() as Entity,
      ),
    );
}

/** Clusters that are in the catalog but must never get a namespace. */
export function problemClusters(): Entity[] {
  const base = readYamlTree(
    path.join(PLATFORM_CONFIG, 'clusters/stg-euw1-checkout-01'),
  ).find(e => e.spec?.type === 'kubernetes-cluster')!;
  const copy = (name: string, change: (e: any) => void) => {
    const e = JSON.parse(JSON.stringify(base));
    e.metadata.name = name;
    change(e);
    return e as Entity;
  };
  return [
    // found by an inventory source, without the fleet fields
    copy('stg-euw1-found-01', e => {
      delete e.spec.profile;
      delete e.spec.lifetime;
    }),
    copy('stg-euw1-optout-01', e => {
      e.metadata.annotations = { 'fleet-portal.dev/governed': 'false' };
    }),
    copy('stg-euw1-retired-01', e => {
      e.spec.lifetime = {
        ...e.spec.lifetime,
        class: 'project',
        retireBy: '2026-03-01',
      };
    }),
  ];
}

/**
 * The demo catalog: every profile, cluster and namespace of examples/platform-config and
 * the problem clusters, as the platform-repo provider emits them (TEST_PLATFORM_REPO), and
 * the demo organisation.
 */
export function demoEntities(): Entity[] {
  return [
    ...[...readYamlTree(PLATFORM_CONFIG), ...problemClusters()].map(
      fromPlatformRepo,
    ),
    ...readYamlTree(path.join(EXAMPLES, 'org')),
  ];
}

export function demoUser(name: string): UserEntity {
  return demoEntities().find(
    e => e.kind === 'User' && e.metadata.name === name,
  ) as UserEntity;
}

export const DEVON = {
  ref: 'user:default/devon.developer',
  get entity() {
    return demoUser('devon.developer');
  },
};

/** A valid request of Devon (team-checkout) on a staging cluster. */
export function validInput(
  overrides: Partial<NamespaceRequestInput> = {},
): NamespaceRequestInput {
  return {
    cluster: 'resource:default/stg-euw1-checkout-01',
    namespace: 'checkout-search',
    team: 'group:default/team-checkout',
    costCenter: 'cc-4711',
    reason: 'Staging namespace for the new checkout search service',
    quota: { 'requests.cpu': '2', 'limits.cpu': '4' },
    roles: ['edit'],
    ...overrides,
  };
}

/** A platform repository (real bare Git repo seeded from the demo data), catalog and permissions. */
export function namespaceHarness(
  options: { allow?: boolean; entities?: Entity[] } = {},
) {
  const repo = new GitRemote(PLATFORM_CONFIG);
  const writer = new PlatformRepoWriter({ remote: repo.remote });
  const catalog = new FleetCatalog(
    catalogServiceMock({ entities: options.entities ?? demoEntities() }),
    [TEST_PLATFORM_REPO],
  );
  const permissions = mockServices.permissions({
    result:
      options.allow === false ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
  });
  return {
    repo,
    writer,
    deps: {
      catalog,
      permissions,
      writer,
      today: () => TODAY,
      seal: RenderSeal.fromConfig(new ConfigReader({})),
    },
  };
}
