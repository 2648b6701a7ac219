import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import type { Entity } from '@backstage/catalog-model';
import type { ClusterProfileEntity } from '@fleet-portal/plugin-fleet-common';
import type { ClusterRequest } from '../request';
import { fromPlatformRepo } from '../../../__testUtils__/provenance';

const examples = path.resolve(__dirname, '../../../../../../examples');

/** A profile of the demo platform repository, as the catalog holds it. */
export function demoProfile(name: string): ClusterProfileEntity {
  return yaml.parse(
    fs.readFileSync(
      path.join(examples, 'platform-config/profiles', name, 'profile.yaml'),
      'utf8',
    ),
  );
}

export function demoCluster(name: string): Entity {
  return yaml.parse(
    fs.readFileSync(
      path.join(examples, 'platform-config/clusters', name, 'cluster.yaml'),
      'utf8',
    ),
  );
}

export function group(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}

/**
 * The catalog of the tests: every demo profile and one existing edge cluster, as the
 * platform-repo provider emits them (TEST_PLATFORM_REPO), and two groups.
 */
export function demoCatalogEntities(): Entity[] {
  return [
    ...['edge', 'non-production', 'production', 'regulated']
      .map(demoProfile)
      .map(fromPlatformRepo),
    fromPlatformRepo(demoCluster('edg-ber01-store-01')),
    group('team-checkout'),
    group('platform-team'),
  ];
}

/** Tests run on a fixed day. */
export const TODAY = new Date('2026-05-15T09:30:00Z');

export function edgeRequest(
  overrides: Partial<ClusterRequest> = {},
): ClusterRequest {
  return {
    name: 'edg-ber03-store-01',
    profile: 'clusterprofile:default/edge',
    owner: 'group:default/team-checkout',
    purpose: 'Point of sale in the Berlin Mitte store',
    environment: 'edge',
    environmentGroup: 'far-edge',
    region: 'eu-central-1',
    site: 'ber03',
    nodes: { controlPlane: 1, workers: 0 },
    lifetime: { class: 'long-lived', reviewBy: '2027-01-31' },
    ...overrides,
  };
}
