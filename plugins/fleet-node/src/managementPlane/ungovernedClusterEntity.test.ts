import {
  isGovernedCluster,
  validateClusterFleetFields,
} from '@fleet-portal/plugin-fleet-common';
import { attachFacts } from './attachFacts';
import { ungovernedClusterEntity } from './ungovernedClusterEntity';
import type { ObservedCluster } from './types';

const source = { type: 'portainer', id: 'prod' };
const cluster: ObservedCluster = {
  name: 'Edge Shop 17',
  externalId: '17',
  url: 'https://portainer.example/#!/17/kubernetes/dashboard',
  agent: 'portainer-edge-agent',
  status: 'disconnected',
  statusMessage: 'last check-in 600 s ago',
  kubernetesVersion: 'v1.30.4',
  lastSeen: '2024-11-19T07:06:40.000Z',
  environment: 'edge',
  region: 'eu-west-1',
  owner: 'team-edge',
};

describe('ungovernedClusterEntity', () => {
  it('is an ungoverned cluster in the source namespace with facts and a link', () => {
    const { entity, dropped } = ungovernedClusterEntity({
      source,
      name: 'edge-shop-17',
      cluster,
      defaultOwner: 'group:default/platform-team',
    });
    expect(dropped).toEqual([]);
    expect(entity).toMatchObject({
      kind: 'Resource',
      metadata: {
        name: 'edge-shop-17',
        namespace: 'portainer-prod',
        title: 'Edge Shop 17',
        annotations: {
          'backstage.io/managed-by-location':
            'fleet-management-plane:portainer/prod',
          'fleet-portal.dev/source': 'portainer',
          'fleet-portal.dev/governed': 'false',
          'fleet-portal.dev/management-plane': 'portainer:prod',
          'backstage.io/view-url': cluster.url,
          'portainer.fleet-portal.dev/instance': 'prod',
          'portainer.fleet-portal.dev/id': '17',
          'portainer.fleet-portal.dev/status': 'disconnected',
          'portainer.fleet-portal.dev/kubernetes-version': 'v1.30.4',
          'portainer.fleet-portal.dev/last-seen': '2024-11-19T07:06:40.000Z',
        },
        links: [
          {
            url: cluster.url,
            title: 'Portainer (prod)',
            type: 'fleet-portal.dev/management-plane',
          },
        ],
      },
      spec: {
        type: 'kubernetes-cluster',
        owner: 'group:default/team-edge',
        environment: 'edge',
        region: 'eu-west-1',
      },
    });
    expect(validateClusterFleetFields(entity)).toEqual([]);
    expect(isGovernedCluster(entity)).toBe(false);
  });

  it('leaves out mapped values that are not well-formed, and says so', () => {
    const { entity, dropped } = ungovernedClusterEntity({
      source,
      name: 'x',
      cluster: { ...cluster, environment: 'prod', owner: 'group:' },
      defaultOwner: 'group:default/platform-team',
    });
    expect(entity.spec).toEqual({
      type: 'kubernetes-cluster',
      owner: 'group:default/platform-team',
      region: 'eu-west-1',
    });
    expect(dropped).toEqual([
      'owner "group:" is not an entity reference',
      'environment "prod" is not one of production, staging, development, test, edge',
    ]);
  });
});

describe('attachFacts', () => {
  it('takes annotations from the first instance by id and a link from each', () => {
    const governed = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'prd-euw1-payments-01',
        links: [{ url: 'https://grafana.example' }],
      },
      spec: { type: 'kubernetes-cluster' },
    };
    const entity = attachFacts(governed, 'portainer', [
      {
        sourceId: 'b',
        cluster: { ...cluster, externalId: '2', url: 'https://b' },
      },
      {
        sourceId: 'a',
        cluster: { ...cluster, externalId: '1', url: 'https://a' },
      },
    ]);
    expect(entity.metadata.annotations?.['portainer.fleet-portal.dev/id']).toBe(
      '1',
    );
    expect(
      entity.metadata.annotations?.['portainer.fleet-portal.dev/instance'],
    ).toBe('a');
    expect(entity.metadata.links?.map(l => l.url)).toEqual([
      'https://grafana.example',
      'https://b',
      'https://a',
    ]);
    expect(attachFacts(governed, 'portainer', [])).toBe(governed);
  });
});
