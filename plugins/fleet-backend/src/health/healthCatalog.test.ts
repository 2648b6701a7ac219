import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  clusterEntity,
  FIXTURE_PLATFORM_REPO,
  fleet,
  profileEntity,
  profiles,
  registeredFrom,
  TODAY,
} from '../__fixtures__/entities';
import { FleetInventory } from '../service/FleetInventory';
import { inventoryHealthCatalog } from './healthCatalog';

const MALLORY = 'https://github.com/mallory/catalog/blob/main';

describe('inventoryHealthCatalog', () => {
  async function visible() {
    const catalog = catalogServiceMock({
      entities: [
        ...fleet,
        ...profiles,
        // the payments cluster's name, in another namespace, and a new name
        registeredFrom(
          clusterEntity(
            'prd-euw1-payments-01',
            '10.64.0.0/16',
            '10.96.0.0/20',
            {
              namespace: 'mallory',
            },
          ),
          `${MALLORY}/payments.yaml`,
        ),
        registeredFrom(
          clusterEntity('prd-euw1-shadow-01', '10.72.0.0/16', '10.96.128.0/20'),
          `${MALLORY}/shadow.yaml`,
        ),
        // the `regulated` profile prd-euw1-search-01 names, pinning another Kubernetes version
        registeredFrom(
          profileEntity('regulated', '1.0.0'),
          `${MALLORY}/regulated.yaml`,
        ),
      ],
    });
    const inventory = new FleetInventory(
      catalog,
      { now: () => new Date(`${TODAY}T08:00:00Z`) },
      { origins: [FIXTURE_PLATFORM_REPO] },
    );
    return inventoryHealthCatalog(inventory, mockServices.auth()).visible(
      mockCredentials.user(),
    );
  }

  it("gives a platform-repository cluster's name to that cluster alone", async () => {
    const clusters = await visible();
    expect(clusters.filter(c => c.name === 'prd-euw1-payments-01')).toEqual([
      expect.objectContaining({
        entityRef: 'resource:default/prd-euw1-payments-01',
        kubernetes: { version: '1.31.4' },
      }),
    ]);
    // a cluster known only elsewhere is still shown
    expect(clusters.map(c => c.entityRef)).toContain(
      'resource:default/prd-euw1-shadow-01',
    );
  });

  it('never takes a pinned version from a profile registered elsewhere', async () => {
    const search = (await visible()).find(c => c.name === 'prd-euw1-search-01');
    expect(search).toEqual({
      name: 'prd-euw1-search-01',
      entityRef: 'resource:default/prd-euw1-search-01',
      environment: 'production',
      profileRef: 'clusterprofile:default/regulated',
      owner: 'group:default/team-search',
      // nor its components: which health signals apply is not known
    });
  });
});
