import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { ManagementPlaneFactsProcessor } from './ManagementPlaneFactsProcessor';
import { ManagementPlaneFactsStore } from './ManagementPlaneFactsStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const location = { type: 'url', target: 'test' };

function resource(name: string, type: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, namespace: 'default' },
    spec: { type, owner: 'group:default/a' },
  };
}

describe('ManagementPlaneFactsProcessor', () => {
  let store: ManagementPlaneFactsStore;

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    store = await ManagementPlaneFactsStore.create({
      database: mockServices.database({ knex }),
    });
    await store.replaceSource(
      { type: 'portainer', id: 'prod' },
      new Map([
        [
          'prd-1',
          {
            name: 'PRD-1',
            externalId: '3',
            url: 'https://p/#!/3/kubernetes/dashboard',
            status: 'connected',
          },
        ],
      ]),
    );
    await store.replaceSource(
      { type: 'argocd', id: 'hub' },
      new Map([
        ['prd-1', { name: 'prd-1', externalId: 's', status: 'failed' }],
      ]),
    );
  });

  it('attaches only its kind of facts to the cluster of that name, and tags it for refresh', async () => {
    const processor = new ManagementPlaneFactsProcessor({
      store,
      sourceType: 'portainer',
    });
    const emit = jest.fn();
    const entity = await processor.preProcessEntity(
      resource('PRD-1', 'kubernetes-cluster'),
      location,
      emit,
    );
    expect(entity.metadata.annotations).toEqual({
      'portainer.fleet-portal.dev/instance': 'prod',
      'portainer.fleet-portal.dev/id': '3',
      'portainer.fleet-portal.dev/url': 'https://p/#!/3/kubernetes/dashboard',
      'portainer.fleet-portal.dev/status': 'connected',
    });
    expect(entity.metadata.links).toHaveLength(1);
    expect(emit).toHaveBeenCalledWith({
      type: 'refresh',
      key: 'fleet-management-plane:portainer:prd-1',
    });
  });

  it('leaves other entities alone', async () => {
    const processor = new ManagementPlaneFactsProcessor({
      store,
      sourceType: 'portainer',
    });
    const emit = jest.fn();
    for (const entity of [
      resource('prd-1', 'kubernetes-namespace'),
      { ...resource('prd-1', 'kubernetes-cluster'), kind: 'Component' },
    ]) {
      expect(await processor.preProcessEntity(entity, location, emit)).toBe(
        entity,
      );
    }
    const unknown = resource('prd-2', 'kubernetes-cluster');
    expect(await processor.preProcessEntity(unknown, location, emit)).toBe(
      unknown,
    );
    expect(emit).toHaveBeenCalledTimes(1); // the refresh key of the cluster only
  });
});
