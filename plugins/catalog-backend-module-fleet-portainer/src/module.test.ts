import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  ManagementPlaneFactsStore,
  StoredClusterFacts,
} from '@fleet-portal/plugin-fleet-node';
import {
  fakeEdgeEnvironment,
  fakeEnvironment,
  FakePortainer,
  PortainerFailure,
  startFakePortainer,
} from './__testUtils__/fakePortainer';
import {
  eventually,
  governedCluster,
  startCatalogBackend,
} from './__testUtils__/catalogBackend';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const API_KEY = 'ptr_module_test';
const TASK = 'FleetManagementPlaneProvider:portainer:prod:refresh';
const FAILED =
  /^error FleetManagementPlaneProvider:portainer:prod .*Cannot read Portainer source portainer:prod; the catalog and its facts are left unchanged; caused by .*\/api\//;

function environments(nowSeconds: number) {
  return [
    fakeEnvironment(3, 'prd-euw1-payments-01', {
      Agent: { Version: '2.21.4' },
    }),
    fakeEdgeEnvironment(7, 'EDG-BER01-Store-01', { nowSeconds, ageSeconds: 4 }),
    fakeEdgeEnvironment(
      9,
      'Shop 17',
      { nowSeconds, ageSeconds: 4 },
      { TagIds: [1] },
    ),
  ];
}

function config(
  portainers: Record<string, string>,
  extra: Record<string, unknown> = { allowInsecureHttp: true },
) {
  return {
    backend: { baseUrl: 'http://localhost', listen: { port: 0 } },
    catalog: {
      providers: {
        fleetPortainer: Object.fromEntries(
          Object.entries(portainers).map(([id, baseUrl]) => [
            id,
            {
              baseUrl,
              apiKey: API_KEY,
              defaultOwner: 'group:default/platform-team',
              pageSize: 2,
              maxPages: 20,
              maxResponseBytes: 64 * 1024,
              timeout: { seconds: 1 },
              mapping: [{ tag: 'env:(.+)', environment: '$1' }],
              // The fake speaks plain HTTP on 127.0.0.1.
              ...extra,
            },
          ]),
        ),
      },
    },
  };
}

const annotation = (entity: Entity | undefined, name: string) =>
  entity?.metadata.annotations?.[`portainer.fleet-portal.dev/${name}`];

/** What a run may change: everything but the catalog's bookkeeping. */
const merged = (entity: Entity | undefined) =>
  entity && {
    annotations: entity.metadata.annotations,
    links: entity.metadata.links,
    title: entity.metadata.title,
    spec: entity.spec,
  };

describe.each(databases.eachSupportedId())(
  'catalog with the Portainer module on %s',
  databaseId => {
    let portainer: FakePortainer;
    let knex: Awaited<ReturnType<TestDatabases['init']>>;
    let catalog: Awaited<ReturnType<typeof startCatalogBackend>>;
    const nowSeconds = Math.floor(Date.now() / 1000);

    beforeEach(async () => {
      portainer = await startFakePortainer({
        apiKey: API_KEY,
        data: {
          endpoints: environments(nowSeconds),
          tags: [{ ID: 1, Name: 'env:edge' }],
        },
      });
      portainer.setNow(nowSeconds);
      knex = await databases.init(databaseId);
    });

    afterEach(async () => {
      await catalog?.backend.stop();
      await portainer.close();
    });

    async function factsOf(): Promise<StoredClusterFacts[]> {
      const store = await ManagementPlaneFactsStore.create({
        database: mockServices.database({ knex }),
      });
      return store.listSource({ type: 'portainer', id: 'prod' });
    }

    async function governedThenPortainer() {
      await catalog.governed.emit([
        governedCluster('prd-euw1-payments-01'),
        governedCluster('edg-ber01-store-01'),
      ]);
      await eventually(async () =>
        expect(await catalog.clusterRefs()).toEqual([
          'default/edg-ber01-store-01',
          'default/prd-euw1-payments-01',
        ]),
      );
      await catalog.runTask(TASK);
      await eventually(async () => {
        expect(await catalog.clusterRefs()).toEqual([
          'default/edg-ber01-store-01',
          'default/prd-euw1-payments-01',
          'portainer-prod/shop-17',
        ]);
        const known = await catalog.entity(
          'resource:default/prd-euw1-payments-01',
        );
        expect(annotation(known, 'status')).toBe('connected');
        const edge = await catalog.entity(
          'resource:default/edg-ber01-store-01',
        );
        expect(annotation(edge, 'status')).toBe('connected');
      });
    }

    it('attaches facts to known clusters and lists unknown ones as ungoverned', async () => {
      catalog = await startCatalogBackend({
        config: config({ prod: portainer.baseUrl }),
        knex,
      });
      await governedThenPortainer();

      const known = await catalog.entity(
        'resource:default/prd-euw1-payments-01',
      );
      expect(known?.metadata.annotations).toMatchObject({
        'fleet-portal.dev/source': 'platform-repo',
        'portainer.fleet-portal.dev/instance': 'prod',
        'portainer.fleet-portal.dev/id': '3',
        'portainer.fleet-portal.dev/url': `${portainer.baseUrl}/#!/3/kubernetes/dashboard`,
        'portainer.fleet-portal.dev/agent': 'portainer-agent',
        'portainer.fleet-portal.dev/agent-version': '2.21.4',
        'portainer.fleet-portal.dev/kubernetes-version': 'v1.30.4',
        'portainer.fleet-portal.dev/status-message': 'Portainer reports it up',
        'portainer.fleet-portal.dev/last-seen': '2024-11-19T07:06:40.000Z',
      });
      expect(
        known?.metadata.annotations?.['fleet-portal.dev/governed'],
      ).toBeUndefined();
      expect(known?.metadata.links).toEqual([
        {
          url: `${portainer.baseUrl}/#!/3/kubernetes/dashboard`,
          title: 'Portainer (prod)',
          icon: 'dashboard',
          type: 'fleet-portal.dev/management-plane',
        },
      ]);
      // The platform repository's fields are untouched.
      expect(known?.spec).toEqual(governedCluster('prd-euw1-payments-01').spec);

      const unknown = await catalog.entity('resource:portainer-prod/shop-17');
      expect(unknown).toMatchObject({
        metadata: {
          title: 'Shop 17',
          annotations: {
            'fleet-portal.dev/source': 'portainer',
            'fleet-portal.dev/governed': 'false',
            'fleet-portal.dev/management-plane': 'portainer:prod',
            'portainer.fleet-portal.dev/agent': 'portainer-edge-agent',
            'portainer.fleet-portal.dev/status': 'connected',
          },
        },
        spec: {
          type: 'kubernetes-cluster',
          owner: 'group:default/platform-team',
          environment: 'edge',
        },
      });
      expect(unknown?.relations).toContainEqual({
        type: 'ownedBy',
        targetRef: 'group:default/platform-team',
      });
      expect(catalog.logger.lines.join('\n')).not.toMatch(/conflict/i);
    });

    it('changes nothing when Portainer fails, and recovers on the next run', async () => {
      catalog = await startCatalogBackend({
        config: config({ prod: portainer.baseUrl }),
        knex,
      });
      await governedThenPortainer();
      const refs = [
        'resource:default/prd-euw1-payments-01',
        'resource:default/edg-ber01-store-01',
        'resource:portainer-prod/shop-17',
      ];
      const snapshot = async () =>
        Promise.all(refs.map(async ref => merged(await catalog.entity(ref))));
      const before = await snapshot();
      const factsBefore = await factsOf();
      expect(factsBefore).toHaveLength(3);

      // What the next good answer would change, so that any leak would show.
      portainer.data.endpoints = [
        fakeEnvironment(3, 'prd-euw1-payments-01', { Status: 2 }),
        fakeEdgeEnvironment(11, 'Shop 18', { nowSeconds, ageSeconds: 4 }),
        fakeEdgeEnvironment(12, 'Shop 19', { nowSeconds, ageSeconds: 4 }),
      ];
      const failures: Array<[PortainerFailure, object?]> = [
        ['unauthorized'],
        ['unavailable'],
        ['reset', { path: '/api/endpoints', fromStart: 2 }],
        ['timeout', { path: '/api/tags' }],
        ['malformed', { path: '/api/endpoints', fromStart: 2 }],
        ['wrong-shape', { path: '/api/endpoint_groups' }],
        // Answers that would never end, or never fit: bounded and failed.
        ['huge-total-count'],
        ['endless-pages'],
        ['ignores-start'],
        ['endless-body', { path: '/api/endpoints', fromStart: 2 }],
        ['huge-content-length', { path: '/api/tags' }],
      ];
      const setting = (key: string) =>
        `catalog.providers.fleetPortainer.prod.${key}`;
      const saying: Partial<Record<PortainerFailure, string>> = {
        'huge-total-count': `more than the limit of 20 pages (${setting(
          'maxPages',
        )})`,
        'endless-pages': `still more after 20 pages, the limit (${setting(
          'maxPages',
        )})`,
        'ignores-start':
          'page 2 gave a set of environments the source already gave before',
        'endless-body': `larger than the limit of 64 KiB (${setting(
          'maxResponseBytes',
        )})`,
        'huge-content-length': `GET /api/tags: the response announces 1 GiB (Content-Length), more than the limit of 64 KiB`,
      };
      for (const [failure, where] of failures) {
        catalog.logger.lines.length = 0;
        portainer.fail(failure, where);
        const started = Date.now();
        await catalog.runTask(TASK);
        const ms = Date.now() - started;
        const errors = catalog.logger.lines.filter(line =>
          line.startsWith('error'),
        );
        expect({ failure, errors }).toEqual({
          failure,
          errors: [expect.stringMatching(FAILED)],
        });
        expect({ failure, error: errors[0] }).toEqual({
          failure,
          error: expect.stringContaining(saying[failure] ?? ''),
        });
        // Far inside the task's 3 minute timeout: nothing waits for an answer to end.
        expect({ failure, fast: ms < 5000 }).toEqual({ failure, fast: true });
      }
      // An empty answer after a good one: a key that lost its rights sees no environments.
      const endpoints = portainer.data.endpoints;
      portainer.fail(undefined);
      portainer.data.endpoints = [];
      catalog.logger.lines.length = 0;
      await catalog.runTask(TASK);
      expect(
        catalog.logger.lines.filter(line => line.startsWith('error')),
      ).toEqual([
        expect.stringContaining(
          'Portainer source portainer:prod reported no clusters at all (last good answer: 3); treated as a failure',
        ),
      ]);
      portainer.data.endpoints = endpoints;
      // Down: nothing listens on the port.
      const port = portainer.port;
      const data = portainer.data;
      await portainer.close();
      catalog.logger.lines.length = 0;
      await catalog.runTask(TASK);
      expect(
        catalog.logger.lines.filter(l => l.startsWith('error'))[0],
      ).toMatch(
        /Cannot read Portainer source portainer:prod.*(ECONNREFUSED|UND_ERR_SOCKET)/s,
      );

      await new Promise(resolve => setTimeout(resolve, 1500));
      expect(await snapshot()).toEqual(before);
      expect(await factsOf()).toEqual(factsBefore);
      expect(catalog.logger.lines.join('\n')).not.toContain(API_KEY);

      portainer = await startFakePortainer({ apiKey: API_KEY, port, data });
      portainer.setNow(nowSeconds);
      await catalog.runTask(TASK);
      await eventually(async () => {
        expect(await catalog.clusterRefs()).toEqual([
          'default/edg-ber01-store-01',
          'default/prd-euw1-payments-01',
          'portainer-prod/shop-18',
          'portainer-prod/shop-19',
        ]);
        const known = await catalog.entity(
          'resource:default/prd-euw1-payments-01',
        );
        expect(annotation(known, 'status')).toBe('disconnected');
        // Portainer no longer knows it: its facts are gone from the governed cluster.
        const edge = await catalog.entity(
          'resource:default/edg-ber01-store-01',
        );
        expect(annotation(edge, 'status')).toBeUndefined();
        expect(edge?.metadata.links ?? []).toEqual([]);
      });
      expect((await factsOf()).map(f => f.clusterKey)).toEqual([
        'prd-euw1-payments-01',
        'shop-18',
        'shop-19',
      ]);
    });

    it('never conflicts with the platform repository, whichever is read first', async () => {
      catalog = await startCatalogBackend({
        config: config({ prod: portainer.baseUrl }),
        knex,
      });
      // Portainer first, as at a startup where the platform repository is slower.
      await catalog.runTask(TASK);
      await eventually(async () =>
        expect(await catalog.clusterRefs()).toEqual([
          'portainer-prod/edg-ber01-store-01',
          'portainer-prod/prd-euw1-payments-01',
          'portainer-prod/shop-17',
        ]),
      );
      await catalog.governed.emit([
        governedCluster('prd-euw1-payments-01'),
        governedCluster('edg-ber01-store-01'),
      ]);
      // The governed clusters land next to them, with their facts, not in conflict.
      await eventually(async () => {
        const known = await catalog.entity(
          'resource:default/prd-euw1-payments-01',
        );
        expect(known?.metadata.annotations?.['fleet-portal.dev/source']).toBe(
          'platform-repo',
        );
        expect(annotation(known, 'status')).toBe('connected');
      });
      await catalog.runTask(TASK);
      await eventually(async () =>
        expect(await catalog.clusterRefs()).toEqual([
          'default/edg-ber01-store-01',
          'default/prd-euw1-payments-01',
          'portainer-prod/shop-17',
        ]),
      );
      expect(catalog.logger.lines.join('\n')).not.toMatch(/conflict/i);
    });

    it('lets two instances that know the same unknown cluster share one entity', async () => {
      catalog = await startCatalogBackend({
        config: config({
          prod: portainer.baseUrl,
          qa: `http://localhost:${portainer.port}`,
        }),
        knex,
      });
      await governedThenPortainer();
      await catalog.runTask(
        'FleetManagementPlaneProvider:portainer:qa:refresh',
      );
      await catalog.runTask(TASK);
      await new Promise(resolve => setTimeout(resolve, 1000));
      await eventually(async () => {
        expect(await catalog.clusterRefs()).toEqual([
          'default/edg-ber01-store-01',
          'default/prd-euw1-payments-01',
          'portainer-prod/shop-17',
        ]);
        const shop = await catalog.entity('resource:portainer-prod/shop-17');
        expect(shop?.metadata.links?.map(l => l.title)).toEqual([
          'Portainer (prod)',
          'Portainer (qa)',
        ]);
      });
    });
  },
);

describe('a Portainer instance over plain HTTP', () => {
  it('is refused at startup unless its allowInsecureHttp is set, naming the source and the setting', async () => {
    const knex = await databases.init('SQLITE_3');
    await expect(
      startCatalogBackend({
        config: config({ prod: 'http://127.0.0.1:7028' }, {}),
        knex,
      }),
    ).rejects.toThrow(
      'catalog.providers.fleetPortainer.prod.baseUrl: a plain http URL would send the apiKey unencrypted; use https, or set catalog.providers.fleetPortainer.prod.allowInsecureHttp: true to accept plain HTTP for this source (local test servers only)',
    );
  });
});

describe('without Portainer configured', () => {
  it('does nothing but say so once', async () => {
    const knex = await databases.init('SQLITE_3');
    const catalog = await startCatalogBackend({ config: {}, knex });
    try {
      expect(
        catalog.logger.lines.filter(line => /portainer/i.test(line)),
      ).toEqual([
        'info No Portainer instances under catalog.providers.fleetPortainer; Portainer ingestion is off',
      ]);
      expect(await knex.schema.hasTable('fleet_management_plane_facts')).toBe(
        false,
      );
    } finally {
      await catalog.backend.stop();
    }
  });
});
