import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clusterEntity,
  FIXTURE_PLATFORM_REPO,
  profiles,
  TODAY,
} from '../__fixtures__/entities';
import { FleetInventory } from './FleetInventory';

describe('FleetInventory', () => {
  it('reads every page of clusters, and the calendar date in UTC', async () => {
    const clusters = Array.from({ length: 2345 }, (_, i) =>
      clusterEntity(
        `prd-euw1-c${i}-01`,
        `10.${i >> 8}.${i & 255}.0/24`,
        `172.${16 + (i >> 8)}.${i & 255}.0/24`,
      ),
    );
    const catalog = catalogServiceMock({
      entities: [...clusters, ...profiles],
    });
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    const inventory = new FleetInventory(
      catalog,
      { now: () => new Date(`${TODAY}T23:30:00-01:00`) },
      { origins: [FIXTURE_PLATFORM_REPO] },
    );

    const snapshot = await inventory.snapshot(mockCredentials.user());

    expect(snapshot.today).toBe('2026-06-16');
    expect(snapshot.clusters).toHaveLength(2345);
    expect(new Set(snapshot.clusters.map(c => c.entityRef)).size).toBe(2345);
    // three pages of clusters, one of profiles
    expect(queryEntities).toHaveBeenCalledTimes(4);
    expect(snapshot.judge(snapshot.clusters.slice(0, 1))[0].findings).toEqual(
      [],
    );
  });
});

describe('FleetInventory with a catalog snapshot cache', () => {
  function setup(ttlMs = 30_000) {
    const catalog = catalogServiceMock({
      entities: [
        clusterEntity('prd-euw1-a-01', '10.1.0.0/16', '172.16.0.0/20'),
        ...profiles,
      ],
    });
    const queryEntities = jest.spyOn(catalog, 'queryEntities');
    const cache = mockServices.cache.mock();
    const store = new Map<string, unknown>();
    cache.get.mockImplementation(async key => store.get(key) as any);
    cache.set.mockImplementation(async (key, value) => {
      store.set(key, value);
    });
    const inventory = new FleetInventory(
      catalog,
      { now: () => new Date(`${TODAY}T12:00:00Z`) },
      { origins: [FIXTURE_PLATFORM_REPO], cache: { service: cache, ttlMs } },
    );
    return { inventory, queryEntities, cache, catalog };
  }

  it('reuses one user’s view, and reads it once for concurrent requests', async () => {
    const { inventory, queryEntities, cache } = setup();
    const user = mockCredentials.user('user:default/morgan.manager');
    await Promise.all([inventory.snapshot(user), inventory.snapshot(user)]);
    await inventory.snapshot(user);
    expect(queryEntities).toHaveBeenCalledTimes(2); // clusters and profiles, once
    expect(cache.set).toHaveBeenCalledWith(
      'fleet-inventory:user:user:default/morgan.manager',
      expect.objectContaining({ clusters: expect.any(Array) }),
      { ttl: 30_000 },
    );
  });

  it('never shares a view between principals', async () => {
    const { inventory, queryEntities, catalog } = setup();
    const streamEntities = jest.spyOn(catalog, 'streamEntities');
    const devon = mockCredentials.user('user:default/devon.developer');
    await inventory.snapshot(
      mockCredentials.user('user:default/morgan.manager'),
    );
    await inventory.snapshot(devon);
    expect(queryEntities).toHaveBeenCalledTimes(4);
    expect(streamEntities).toHaveBeenLastCalledWith(expect.anything(), {
      credentials: devon,
    });
  });

  it('does not keep an empty view, so the first ingestion shows at once', async () => {
    const { inventory, cache, catalog } = setup();
    const user = mockCredentials.user();
    jest
      .spyOn(catalog, 'queryEntities')
      .mockResolvedValueOnce({ items: [], totalItems: 0, pageInfo: {} })
      .mockResolvedValueOnce({ items: [], totalItems: 0, pageInfo: {} });
    expect((await inventory.snapshot(user)).clusters).toHaveLength(0);
    expect(cache.set).not.toHaveBeenCalled();
    expect((await inventory.snapshot(user)).clusters).toHaveLength(1);
    expect(cache.set).toHaveBeenCalledTimes(1);
  });

  it('reads the catalog every time when the snapshot time is 0', async () => {
    const { inventory, queryEntities, cache } = setup(0);
    const user = mockCredentials.user();
    await inventory.snapshot(user);
    await inventory.snapshot(user);
    expect(queryEntities).toHaveBeenCalledTimes(4);
    expect(cache.get).not.toHaveBeenCalled();
  });
});
