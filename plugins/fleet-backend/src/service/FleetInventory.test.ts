import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { clusterEntity, profiles, TODAY } from '../__fixtures__/entities';
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
    const inventory = new FleetInventory(catalog, {
      now: () => new Date(`${TODAY}T23:30:00-01:00`),
    });

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
